package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalCodeTablesTest {

    @ParameterizedTest
    @CsvSource({
            "男, 1", "男性, 1", "1, 1", "M, 1", "m, 1", "Male, 1", "ＭＡＬＥ, 1", " 男 , 1",
            "女, 2", "女性, 2", "2, 2", "F, 2", "female, 2",
            "0, 0", "未知, 0", "未知的性别, 0", "9, 9", "未说明的性别, 9", "未說明, 9"
    })
    void sex(String raw, String code) {
        assertThat(NationalCodeTables.sex().parse(raw).orThrow()).isEqualTo(code);
    }

    @Test
    void sexCodesAreThoseOfTheSexEnum() {
        for (Sex sex : Sex.values()) {
            assertThat(NationalCodeTables.sex().parse(sex.chinese()).orThrow()).isEqualTo(sex.code());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "未婚, 10", "single, 10", "已婚, 20", "Married, 20", "有配偶, 20", "初婚, 21", "再婚, 22", "复婚, 23",
            "丧偶, 30", "喪偶, 30", "widowed, 30", "离婚, 40", "離婚, 40", "离异, 40", "divorced, 40",
            "未说明的婚姻状况, 90", "20, 20", "40, 40"
    })
    void maritalStatus(String raw, String code) {
        assertThat(NationalCodeTables.maritalStatus().parse(raw).orThrow()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
            "汉族, 01", "汉, 01", "01, 01", "1, 01", "漢族, 01", "畲族, 22", "畲, 22", "回族, 03", "蒙古族, 02",
            "维吾尔族, 05", "维吾尔, 05", "土家族, 15", "土族, 30", "基诺族, 56", "56, 56", "满族, 11",
            "未识别民族, 97", "其他, 97", "外国血统中国籍人士, 98"
    })
    void ethnicity(String raw, String code) {
        assertThat(NationalCodeTables.ethnicity().parse(raw).orThrow()).isEqualTo(code);
    }

    @Test
    void ethnicityHasTheFiftySixGroupsAndTwoMore() {
        assertThat(NationalCodeTables.ethnicity().entries()).hasSize(58);
        assertThat(NationalCodeTables.ethnicity().label("22")).contains("畲族");
    }

    @Test
    void unknownValues() {
        assertThat(NationalCodeTables.sex().parse("x").problemCode()).isEqualTo(CodeTable.UNKNOWN);
        assertThat(NationalCodeTables.maritalStatus().parse("同居").problem())
                .isEqualTo("'同居' is not a value of 婚姻状况 (GB/T 2261.2); expected one of: 10 未婚, 20 已婚, 21 初婚,"
                        + " 22 再婚, 23 复婚, 30 丧偶, 40 离婚, 90 未说明的婚姻状况");
    }
}
