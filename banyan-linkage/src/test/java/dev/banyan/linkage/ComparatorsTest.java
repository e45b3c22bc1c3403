package dev.banyan.linkage;

import dev.banyan.linkage.internal.AddressComparator;
import dev.banyan.linkage.internal.DateComparator;
import dev.banyan.linkage.internal.ExactComparator;
import dev.banyan.linkage.internal.FieldComparator;
import dev.banyan.linkage.internal.IdentifierComparator;
import dev.banyan.linkage.internal.NameComparator;
import dev.banyan.linkage.internal.NumberComparator;
import dev.banyan.linkage.internal.PhoneComparator;
import dev.banyan.linkage.internal.SexComparator;
import dev.banyan.linkage.internal.StringComparator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparatorsTest {

    private static <P> String level(FieldComparator<P> c, String a, String b) {
        P x = c.prepare(a);
        P y = c.prepare(b);
        if (x == null || y == null) {
            return "missing";
        }
        return c.levels().get(c.compare(x, y));
    }

    @Test
    void namesCompareTraditionalAsSimplifiedAndHomophonesAsSamePinyin() {
        NameComparator names = new NameComparator();
        assertThat(level(names, "陳偉", "陈伟")).isEqualTo("exact");
        assertThat(level(names, "陈 伟", "陈伟")).isEqualTo("exact");
        assertThat(level(names, "张伟", "章伟")).isEqualTo("same pinyin");
        assertThat(level(names, "林晓凯", "林晓楷")).isEqualTo("same pinyin");
        assertThat(level(names, "傅书汐", "傅汐书")).isEqualTo("close");
        assertThat(level(names, "王晓明", "王晓敏")).isEqualTo("close");
        assertThat(level(names, "张伟", "张强")).isEqualTo("similar");
        assertThat(level(names, "张伟", "李娜")).isEqualTo("different");
        assertThat(level(names, "", "李娜")).isEqualTo("missing");
    }

    @Test
    void latinNamesUseJaroWinkler() {
        NameComparator names = new NameComparator();
        assertThat(level(names, "Michaela", "michaela")).isEqualTo("exact");
        assertThat(level(names, "michaela", "micheala")).isEqualTo("close");
        assertThat(level(names, "smith", "jones")).isEqualTo("different");
    }

    @Test
    void polyphonicSurnamesTakeTheirSurnameReadingForKeys() {
        NameComparator names = new NameComparator();
        assertThat(names.key(names.prepare("单田芳"), KeyFunction.PINYIN)).isEqualTo("shantianfang");
        assertThat(names.key(names.prepare("曾国藩"), KeyFunction.SURNAME)).isEqualTo("zeng");
        assertThat(names.key(names.prepare("仇英"), KeyFunction.SURNAME)).isEqualTo("qiu");
        assertThat(names.key(names.prepare("区志文"), KeyFunction.SURNAME)).isEqualTo("ou");
        assertThat(names.key(names.prepare("解缙"), KeyFunction.SURNAME)).isEqualTo("xie");
        assertThat(names.key(names.prepare("尉迟恭"), KeyFunction.PINYIN)).isEqualTo("yuchigong");
        // the same character elsewhere in a name keeps its ordinary reading
        assertThat(names.key(names.prepare("王单"), KeyFunction.PINYIN)).isEqualTo("wangdan");
        assertThat(names.key(names.prepare("張偉"), KeyFunction.INITIALS)).isEqualTo("zw");
    }

    @Test
    void datesToleratePatternsSwapsAndTypos() {
        DateComparator dates = new DateComparator();
        assertThat(level(dates, "1988-03-13", "19880313")).isEqualTo("exact");
        assertThat(level(dates, "1988年3月13日", "1988/3/13")).isEqualTo("exact");
        assertThat(level(dates, "1988.03.13", "13/03/1988")).isEqualTo("exact");
        assertThat(level(dates, "1988-03-12", "1988-12-03")).isEqualTo("day-month swapped");
        assertThat(level(dates, "1988-03-13", "1988-03-18")).isEqualTo("one digit off");
        assertThat(level(dates, "1988-03-13", "1898-03-13")).isEqualTo("one digit off");
        assertThat(level(dates, "1984.06", "1984-06-10")).isEqualTo("same year-month");
        assertThat(level(dates, "1984-06-01", "1984-06-27")).isEqualTo("same year-month");
        assertThat(level(dates, "1984-06-01", "1991-02-17")).isEqualTo("different");
        assertThat(level(dates, "unknown", "1991-02-17")).isEqualTo("missing");
    }

    @Test
    void phonesIgnorePunctuationAndCountryCode() {
        PhoneComparator phones = new PhoneComparator();
        assertThat(level(phones, "+86 138 6813 4259", "138-6813-4259")).isEqualTo("exact");
        assertThat(level(phones, "0591-80660676", "80660676")).isEqualTo("same last 8");
        assertThat(level(phones, "13868134259", "15068134259")).isEqualTo("same last 8");
        assertThat(level(phones, "13868134259", "13800004259")).isEqualTo("same last 4");
        assertThat(level(phones, "13868134259", "18912345678")).isEqualTo("different");
        assertThat(level(phones, "n/a", "18912345678")).isEqualTo("missing");
    }

    @Test
    void addressesOverlapAcrossAbbreviations() {
        AddressComparator addresses = new AddressComparator();
        assertThat(level(addresses, "福建省福州市鼓楼区凤湖路8号凤湖天地9号楼201室", "鼓楼区凤湖天地9号楼201室"))
                .isEqualTo("overlap>=0.9");
        assertThat(level(addresses, "福州市仓山区下渡路298号万科天地1号楼102室", "福建省福州市仓山区下渡街道下渡路298号万科天地1座102室"))
                .isIn("overlap>=0.9", "overlap>=0.6");
        assertThat(level(addresses, "福州市仓山区下渡路298号万科天地1号楼102室", "福州市晋安区六一北路44号融侨大厦1号楼202室"))
                .isIn("overlap>=0.3", "different");
        assertThat(level(addresses, "福州市仓山区下渡路298号", "长乐区漳港街道滨海大道155号")).isEqualTo("different");
    }

    @Test
    void identifiersUpgradeFifteenDigitsAndCountEdits() {
        IdentifierComparator ids = new IdentifierComparator(false);
        assertThat(level(ids, "350111730921177", "350111197309211778")).isEqualTo("exact");
        assertThat(level(ids, "35011119730921177x", "35011119730921177X")).isEqualTo("exact");
        assertThat(level(ids, "350102198612099019", "350102198162099019")).isEqualTo("one edit");
        assertThat(level(ids, "350102198612099019", "350102198612099919")).isEqualTo("one edit");
        assertThat(level(ids, "350102198612099019", "350102188612099919")).isEqualTo("two edits");
        assertThat(level(ids, "350102198612099019", "350111197309211778")).isEqualTo("different");
        assertThat(ids.valid(ids.prepare("350111197309211778"))).isTrue();
        assertThat(ids.valid(ids.prepare("350111197309211779"))).isFalse();
        IdentifierComparator codes = new IdentifierComparator(true);
        assertThat(codes.valid(codes.prepare("91350100MA31PGN93Y"))).isTrue();
        assertThat(codes.valid(codes.prepare("91350100MA31PGN93X"))).isFalse();
        // an 18-digit string can pass the credit-code check; as an identity number it is judged by GB 11643 only
        assertThat(codes.valid(codes.prepare("913501004670048229"))).isTrue();
        assertThat(ids.valid(ids.prepare("913501004670048229"))).isFalse();
    }

    @Test
    void numbersSexExactAndStrings() {
        assertThat(level(new NumberComparator(), "100", "100.0")).isEqualTo("exact");
        assertThat(level(new NumberComparator(), "100", "100.5")).isEqualTo("within 1%");
        assertThat(level(new NumberComparator(), "100", "95")).isEqualTo("within 10%");
        assertThat(level(new NumberComparator(), "100", "50")).isEqualTo("different");
        assertThat(level(new SexComparator(), "男", "1")).isEqualTo("same");
        assertThat(level(new SexComparator(), "女", "M")).isEqualTo("different");
        assertThat(level(new SexComparator(), "未知", "M")).isEqualTo("missing");
        assertThat(level(new ExactComparator(), "NSW", "nsw")).isEqualTo("exact");
        assertThat(level(new StringComparator(), "stanley street", "stanely street")).isEqualTo("jaro-winkler>=0.92");
        assertThat(level(new StringComparator(), "winston hills", "toowoomba")).isEqualTo("different");
    }
}
