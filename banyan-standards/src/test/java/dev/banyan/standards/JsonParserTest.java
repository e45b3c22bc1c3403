package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void readsAHolidayNotice() {
        Object parsed = JsonParser.parse("""
                {
                    "year": 2026,
                    "papers": ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
                    "days": [
                        {"name": "国庆节", "date": "2026-10-10", "isOffDay": false},
                        {"name": "\\u56fd\\u5e86\\u8282", "date": "2026-10-01", "isOffDay": true}
                    ]
                }
                """);
        assertThat(parsed).isEqualTo(Map.of(
                "year", new BigDecimal("2026"),
                "papers", List.of("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"),
                "days", List.of(
                        Map.of("name", "国庆节", "date", "2026-10-10", "isOffDay", false),
                        Map.of("name", "国庆节", "date", "2026-10-01", "isOffDay", true))));
    }

    @Test
    void scalarsAndEscapes() {
        assertThat(JsonParser.parse("\"a\\\"b\\\\c\\/d\\n\"")).isEqualTo("a\"b\\c/d\n");
        assertThat(JsonParser.parse("-1.5e2")).isEqualTo(new BigDecimal("-1.5e2"));
        assertThat(JsonParser.parse("[true, false, null]")).isEqualTo(Arrays.asList(true, false, null));
        assertThat(JsonParser.parse("{}")).isEqualTo(Map.of());
    }

    @Test
    void toleratesAByteOrderMarkAndTrailingCommas() {
        assertThat(JsonParser.parse("\uFEFF{\"days\": [1, 2,],}")).isEqualTo(
                Map.of("days", List.of(BigDecimal.ONE, new BigDecimal("2"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1 2]", "{\"a\" 1}", "{a: 1}", "\"open", "tru", "1 2", "{\"a\": 1} x", "\"\\q\"", "-"})
    void rejectsMalformedTextWithAnOffset(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at offset");
    }
}
