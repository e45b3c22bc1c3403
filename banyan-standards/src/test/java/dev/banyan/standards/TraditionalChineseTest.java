package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraditionalChineseTest {

    // The traditional forms the synthetic city writes into names (banyan-synthcity traditional-characters.tsv).
    private static final String SYNTHCITY_TRADITIONAL =
            "陳黃鄭劉張吳楊許葉謝羅蘇盧莊蔣鄧馮鍾龔顧賴韓湯嚴孫錢陸紀賀閔萬偉國華麗軍紅蘭鳳寶雲慶貴陽輝鵬濤傑瑩靜嬌龍強東剛榮義順財長寧豐凱曉鳴樂遠飛詩夢語穎艷鴻銘錦暉維愛鈺澤燁書漢學進衛興應勁";
    private static final String SYNTHCITY_SIMPLIFIED =
            "陈黄郑刘张吴杨许叶谢罗苏卢庄蒋邓冯钟龚顾赖韩汤严孙钱陆纪贺闵万伟国华丽军红兰凤宝云庆贵阳辉鹏涛杰莹静娇龙强东刚荣义顺财长宁丰凯晓鸣乐远飞诗梦语颖艳鸿铭锦晖维爱钰泽烨书汉学进卫兴应劲";

    @Test
    void convertsEveryTraditionalFormTheSyntheticCityWrites() {
        assertThat(TraditionalChinese.toSimplified(SYNTHCITY_TRADITIONAL)).isEqualTo(SYNTHCITY_SIMPLIFIED);
    }

    @ParameterizedTest
    @CsvSource({
            "陳偉, 陈伟",
            "福建省福州市鼓樓區, 福建省福州市鼓楼区",
            "臺灣, 台湾",
            "鍾國華, 钟国华",
            "離婚, 离婚",
            "蘇州市, 苏州市",
            "長樂區, 长乐区"
    })
    void convertsNamesAndPlaces(String traditional, String simplified) {
        assertThat(TraditionalChinese.toSimplified(traditional)).isEqualTo(simplified);
        assertThat(TraditionalChinese.containsTraditional(traditional)).isTrue();
    }

    @Test
    void leavesSimplifiedAndSharedCharactersAlone() {
        String s = "陈伟 Smith 123 福州市鼓楼区";
        assertThat(TraditionalChinese.toSimplified(s)).isSameAs(s);
        assertThat(TraditionalChinese.containsTraditional(s)).isFalse();
        assertThat(TraditionalChinese.toSimplified((String) null)).isNull();
    }

    @Test
    void keepsCharactersWhoseUsualSimplifiedFormIsThemselves() {
        assertThat(TraditionalChinese.toSimplified("乾著瞭")).isEqualTo("乾著瞭");
        assertThat(TraditionalChinese.isTraditional('乾')).isFalse();
    }

    @Test
    void takesTheUsualFormOfCharactersWithSeveral() {
        assertThat(TraditionalChinese.toSimplified("髮發")).isEqualTo("发发");
        assertThat(TraditionalChinese.toSimplified("餘")).isEqualTo("余");
    }

    @Test
    void handlesCharactersOutsideTheBasicPlane() {
        // 𠮷 (U+20BB7) is not in the table and survives; a surrogate pair is never split.
        String s = "陳𠮷陳";
        assertThat(TraditionalChinese.toSimplified(s)).isEqualTo("陈𠮷陈");
        assertThat(TraditionalChinese.isTraditional(0x20BB7)).isFalse();
        // Some traditional characters simplify to characters outside the Basic Multilingual Plane, and back.
        assertThat(TraditionalChinese.toSimplified("㑮")).isEqualTo("𫝈");
        assertThat(TraditionalChinese.toSimplified("𠁞")).isEqualTo("𠀾");
        assertThat(TraditionalChinese.isTraditional("𠁞".codePointAt(0))).isTrue();
    }
}
