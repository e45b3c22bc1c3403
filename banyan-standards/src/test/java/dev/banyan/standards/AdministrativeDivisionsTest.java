package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.standards.Division.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdministrativeDivisionsTest {

    private final AdministrativeDivisions divisions = AdministrativeDivisions.load();

    @Test
    void loadIsCached() {
        assertThat(AdministrativeDivisions.load()).isSameAs(divisions);
    }

    @Test
    void currentRevisionHasAllItsCodes() {
        assertThat(divisions.currentSize()).isEqualTo(3219);
        assertThat(divisions.provinces()).hasSize(34)
                .extracting(Division::name).contains("福建省", "北京市", "台湾省", "香港特别行政区");
    }

    @Test
    void countyOfFuzhou() {
        assertThat(divisions.current("350102"))
                .contains(new Division("350102", "鼓楼区", Level.COUNTY, "350100"));
    }

    @Test
    void prefectureAndProvince() {
        assertThat(divisions.current("350100")).contains(new Division("350100", "福州市", Level.PREFECTURE, "350000"));
        assertThat(divisions.current("350000")).contains(new Division("350000", "福建省", Level.PROVINCE, null));
    }

    @Test
    void countyWithoutPrefectureHangsOffTheProvince() {
        assertThat(divisions.current("429004")).contains(new Division("429004", "仙桃市", Level.COUNTY, "420000"));
        assertThat(divisions.current("110105")).contains(new Division("110105", "朝阳区", Level.COUNTY, "110000"));
    }

    @Test
    void countiesOfFuzhou() {
        assertThat(divisions.childrenOf("350100"))
                .extracting(Division::code)
                .containsExactly("350102", "350103", "350104", "350105", "350111", "350112",
                        "350121", "350122", "350123", "350124", "350125", "350128", "350181");
        assertThat(divisions.childrenOf("350100"))
                .allSatisfy(d -> {
                    assertThat(d.level()).isEqualTo(Level.COUNTY);
                    assertThat(d.parentCode()).isEqualTo("350100");
                });
    }

    @Test
    void prefecturesOfFujian() {
        assertThat(divisions.childrenOf("350000"))
                .extracting(Division::name)
                .containsExactly("福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市", "南平市", "龙岩市", "宁德市");
    }

    @Test
    void districtsOfBeijingAreChildrenOfTheMunicipality() {
        assertThat(divisions.childrenOf("110000")).hasSize(16).extracting(Division::name).contains("东城区", "朝阳区");
    }

    @ParameterizedTest
    @ValueSource(strings = {"350102", "999999", "35010", "abcdef", ""})
    void noChildrenForCountiesOrUnknownCodes(String code) {
        assertThat(divisions.childrenOf(code)).isEmpty();
    }

    @Test
    void retiredCodeExistedButIsNotCurrent() {
        // 350126 长乐县 1983-12 … 1993-12; 350182 长乐市 1995-12 … 2017-09, then 350112 长乐区.
        assertThat(divisions.current("350126")).isEmpty();
        assertThat(divisions.everExisted("350126")).isTrue();
        assertThat(divisions.everExisted("350182")).isTrue();
        assertThat(divisions.lastKnownName("350182")).contains("长乐市");
    }

    @Test
    void reusedCodeHasItsLatestName() {
        // 350111 was 郊区 until 1994-12 and 晋安区 from 1995-12.
        assertThat(divisions.lastKnownName("350111")).contains("晋安区");
        assertThat(divisions.current("350111").map(Division::name)).contains("晋安区");
    }

    @Test
    void fujianChangesOf2021AreKnownToHaveExisted() {
        assertThat(divisions.everExisted("350404")).isTrue();
        assertThat(divisions.everExisted("350605")).isTrue();
        assertThat(divisions.current("350404")).as("current() is revision 2019-04").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"350199", "000000", "35010", "3501020", "abcdef", ""})
    void codesThatNeverExisted(String code) {
        assertThat(divisions.everExisted(code)).isFalse();
        assertThat(divisions.current(code)).isEmpty();
    }

    @Test
    void nullIsNoCode() {
        assertThat(divisions.everExisted(null)).isFalse();
        assertThat(divisions.current(null)).isEmpty();
        assertThat(divisions.childrenOf(null)).isEmpty();
        assertThat(divisions.lastKnownName(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "350102, 福建省福州市鼓楼区",
            "350100, 福建省福州市",
            "350000, 福建省",
            "110105, 北京市朝阳区",
            "429004, 湖北省仙桃市",
            "350126, 福建省福州市长乐县",
            "350404, 福建省三明市三元区",
            "441900, 广东省东莞市"
    })
    void fullName(String code, String expected) {
        assertThat(divisions.fullName(code)).isEqualTo(expected);
    }

    @Test
    void fullNameOfAnUnknownCodeSaysSo() {
        assertThatThrownBy(() -> divisions.fullName("350199"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a GB/T 2260 code in any revision: 350199");
    }

    @Test
    void levelIsReadFromTheCode() {
        assertThat(Level.of("350000")).isEqualTo(Level.PROVINCE);
        assertThat(Level.of("350100")).isEqualTo(Level.PREFECTURE);
        assertThat(Level.of("350102")).isEqualTo(Level.COUNTY);
        assertThat(Level.COUNTY.chinese()).isEqualTo("县级");
    }

    @Test
    void divisionRejectsInconsistentParts() {
        assertThatThrownBy(() -> new Division("35010", "x", Level.COUNTY, "350100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six digits");
        assertThatThrownBy(() -> new Division("350000", "福建省", Level.PROVINCE, "000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parent");
        assertThatThrownBy(() -> new Division("350102", "鼓楼区", Level.PREFECTURE, "350000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denotes level COUNTY");
        assertThatThrownBy(() -> new Division("350102", "鼓楼区", Level.COUNTY, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parent");
    }

    @Test
    void codesEverNamedIncludeOtherCitiesAndOldNames() {
        assertThat(divisions.codesEverNamed("鼓楼区")).containsExactly("320106", "320302", "350102", "410204");
        assertThat(divisions.codesEverNamed("长乐市")).containsExactly("350182", "359011");
        assertThat(divisions.codesEverNamed("郊区")).contains("350111");
        assertThat(divisions.codesEverNamed("龙海区")).containsExactly("350604");
        assertThat(divisions.codesEverNamed("榕城")).isEmpty();
        assertThat(divisions.codesEverNamed(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "350102, 350102",   // current
            "350111, 350111",   // reused: 郊区 until 1994, 晋安区 since
            "350182, 350112",   // 长乐市 -> 长乐区 (2017)
            "350126, 350112",   // 长乐县 -> 长乐区
            "350127, 350181",   // 福清县 -> 福清市
            "350681, 350604",   // 龙海市 -> 龙海区 (2021, post-2019 supplement)
            "350402, 350404",   // 梅列区 -> 三元区 (2021)
            "350403, 350404",   // the old 三元区 -> the new one
            "350427, 350405",   // 沙县 -> 沙县区
            "350604, 350604",   // a post-2019 code itself
            "350100, 350100",
            "350000, 350000"
    })
    void currentEquivalent(String code, String expected) {
        assertThat(divisions.currentEquivalent(code)).contains(expected);
    }

    @Test
    void noCurrentEquivalentForUnknownCodes() {
        assertThat(divisions.currentEquivalent("350199")).isEmpty();
        assertThat(divisions.currentEquivalent(null)).isEmpty();
    }
}
