package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeTableTest {

    private static final CodeTable STATUS = CodeTable.builder("登记状态")
            .code("1", "存续", "在营", "开业", "active")
            .code("2", "注销", "cancelled")
            .code("3", "吊销", "revoked")
            .synonym("已注销", "2")
            .build();

    @ParameterizedTest
    @CsvSource({
            "存续, 1", "在营, 1", "1, 1", "ACTIVE, 1", "Active, 1", "ａｃｔｉｖｅ, 1", " 存 续 , 1", "存續, 1",
            "注销, 2", "注銷, 2", "已注销, 2", "2, 2", "２, 2", "CANCELLED, 2",
            "吊销, 3", "Revoked, 3"
    })
    void mapsEveryWritingToItsCode(String raw, String code) {
        assertThat(STATUS.parse(raw).orThrow()).isEqualTo(code);
    }

    @Test
    void unknownValuesAreReportedWithTheTable() {
        ParseResult<String> result = STATUS.parse(" 迁出 ");
        assertThat(result.problemCode()).isEqualTo(CodeTable.UNKNOWN);
        assertThat(result.problem()).isEqualTo("'迁出' is not a value of 登记状态; expected one of: 1 存续, 2 注销, 3 吊销");
    }

    @Test
    void longTablesAreAbbreviatedInProblems() {
        String problem = NationalCodeTables.ethnicity().parse("x").problem();
        assertThat(problem).startsWith("'x' is not a value of 民族 (GB 3304); expected one of: 01 汉族, 02 蒙古族")
                .endsWith("12 侗族, …");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000"})
    void blank(String raw) {
        ParseResult<String> result = STATUS.parse(raw);
        assertThat(result.problemCode()).isEqualTo(ParseResult.EMPTY);
        assertThat(result.problem()).isEqualTo("empty value for 登记状态");
    }

    @Test
    void entriesAndLabels() {
        assertThat(STATUS.name()).isEqualTo("登记状态");
        assertThat(STATUS.entries()).containsExactly(new CodeTable.Entry("1", "存续"), new CodeTable.Entry("2", "注销"),
                new CodeTable.Entry("3", "吊销"));
        assertThat(STATUS.label("2")).contains("注销");
        assertThat(STATUS.label("9")).isEmpty();
    }

    @Test
    void matchKeyIgnoresCaseWidthSpacesAndScript() {
        assertThat(CodeTable.matchKey(" Ｍａｌｅ ")).isEqualTo("male");
        assertThat(CodeTable.matchKey("離 婚")).isEqualTo("离婚");
    }

    @Test
    void buildingMistakesAreProgrammingErrors() {
        assertThatThrownBy(() -> CodeTable.builder("t").code("1", "a").code("1", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("code 1 is already in t");
        assertThatThrownBy(() -> CodeTable.builder("t").code("1", "男").code("2", "女", "男"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'男' cannot stand for both 1 and 2 in t");
        assertThatThrownBy(() -> CodeTable.builder("t").code("1", "A").code("2", "a"))
                .as("synonyms clash after case folding").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeTable.builder("t").code("1", "a").synonym("b", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("code 2 is not in t");
        assertThatThrownBy(() -> CodeTable.builder("t").code("1", "a", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeTable.builder("t").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSynonymMayRepeatForTheSameCode() {
        CodeTable t = CodeTable.builder("t").code("1", "男", "男", "Male", "male").build();
        assertThat(t.parse("MALE").orThrow()).isEqualTo("1");
    }
}
