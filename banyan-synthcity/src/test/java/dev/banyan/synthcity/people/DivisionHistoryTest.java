package dev.banyan.synthcity.people;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DivisionHistoryTest {

    private static final DivisionHistory HISTORY = DivisionHistory.load();

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "350112, 1981, 352327",   // 长乐县 under 莆田地区
            "350112, 1990, 350126",   // 长乐县
            "350112, 1994, 359011",   // 长乐市, province-administered code for one revision
            "350112, 2005, 350182",   // 长乐市
            "350112, 2020, 350112",   // 长乐区 since 2017
            "350181, 1986, 350127",   // 福清县
            "350181, 1992, 359003",   // 福清市 (province code)
            "350181, 2010, 350181",
            "350111, 1990, 350111",   // 郊区 had the same code as today's 晋安区
            "350102, 1985, 350102",
            "350122, 1981, 352222",   // 连江县 under 宁德地区
            "350981, 1985, 352226",   // 福安县
    })
    void identityNumbersGetTheCodeInForceInTheYearOfIssue(String current, int year, String expected) {
        assertThat(HISTORY.codeInForce(current, year)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"350102, 福建省福州市鼓楼区", "350128, 福建省福州市平潭县", "350583, 福建省泉州市南安市"})
    void fullNamesIncludeProvinceAndPrefecture(String code, String name) {
        assertThat(HISTORY.fullName(code)).isEqualTo(name);
    }
}
