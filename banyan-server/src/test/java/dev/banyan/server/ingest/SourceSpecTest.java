package dev.banyan.server.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceSpecTest {

    @Test
    void parsesTextOptionsIntoTypedOnes() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("encoding", "gbk");
        options.put("delimiter", "tab");
        options.put("header_row", "2");
        options.put("expected_columns", "record_id, 姓名 ,身份证号码");
        SourceSpec spec = SourceSpec.parse("CSV", "/data/a.csv", options);

        assertThat(spec.type()).isEqualTo("csv");
        assertThat(spec.options().encoding()).isEqualTo(Charset.forName("GBK"));
        assertThat(spec.options().delimiter()).isEqualTo('\t');
        assertThat(spec.options().headerRow()).isEqualTo(2);
        assertThat(spec.options().expectedColumns()).containsExactly("record_id", "姓名", "身份证号码");
        assertThat(spec.has(SourceOption.ENCODING)).isTrue();
        assertThat(spec.has(SourceOption.SHEET)).isFalse();
    }

    @Test
    void explainsBadOptions() {
        assertThatThrownBy(() -> SourceSpec.parse("csv", "a.csv", Map.of("encodng", "GBK")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("INGEST-002").hasMessageContaining("unknown option 'encodng'")
                .hasMessageContaining("encoding");
        assertThatThrownBy(() -> SourceSpec.parse("csv", "a.csv", Map.of("encoding", "gbkk")))
                .hasMessageContaining("'gbkk' is not a known character encoding").hasMessageContaining("Fix: use e.g.");
        assertThatThrownBy(() -> SourceSpec.parse("csv", "a.csv", Map.of("delimiter", ",,")))
                .hasMessageContaining("must be a single character");
        assertThatThrownBy(() -> SourceSpec.parse("csv", "a.csv", Map.of("header_row", "two")))
                .hasMessageContaining("header_row must be a whole number");
        assertThatThrownBy(() -> SourceSpec.builder("csv", "a.csv").headerRow(-1).build())
                .hasMessageContaining("header_row is -1");
        assertThatThrownBy(() -> SourceSpec.builder("jdbc", "jdbc:postgresql:x").table("t").query("select 1").build())
                .hasMessageContaining("both table and query");
        assertThatThrownBy(() -> SourceSpec.builder("jdbc", "jdbc:postgresql:x").table("t; drop table x").build())
                .hasMessageContaining("not a plain table name");
        assertThatThrownBy(() -> SourceSpec.builder("jdbc", "jdbc:postgresql:x").table("t").watermarkValue("5").build())
                .hasMessageContaining("watermark_value is given without watermark_column");
        assertThatThrownBy(() -> SourceSpec.builder("jdbc", "jdbc:postgresql:x").query("delete from t").build())
                .hasMessageContaining("must be a SELECT");
        assertThatThrownBy(() -> SourceSpec.builder("rest", "http://x").itemsPointer("data.items").build())
                .hasMessageContaining("not a JSON pointer");
        assertThatThrownBy(() -> SourceSpec.builder("csv", " ").build())
                .hasMessageContaining("location of the csv source is missing");
        assertThatThrownBy(() -> SourceSpec.builder("csv", "a.csv").expectedColumns(List.of("a", "a")).build())
                .hasMessageContaining("names a column twice");
    }

    @Test
    void rejectsOptionsThatDoNotApplyToTheType() {
        SourceSpec spec = SourceSpec.builder("csv", "a.csv").sheet("学生").build();
        assertThatThrownBy(() -> TestFiles.CONNECTORS.open(spec))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.BAD_OPTION))
                .hasMessageContaining("option(s) sheet do not apply to csv sources")
                .hasMessageContaining("csv understands encoding, delimiter, header_row, expected_columns");
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        assertThatThrownBy(() -> TestFiles.CONNECTORS.open(SourceSpec.of("parquet", "a.parquet")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo(SourceErrorCode.UNKNOWN_TYPE);
                    assertThat(e.messageZh()).contains("未知的数据源类型");
                })
                .hasMessageContaining("csv, jdbc, json, ndjson, rest, tsv, xls, xlsx");
    }

    @Test
    void passwordsAndHeaderValuesAreNotPrinted() {
        SourceSpec spec = SourceSpec.builder("jdbc", "jdbc:postgresql://db/x").user("u").password("s3cret").table("t")
                .build();
        assertThat(spec.toString()).doesNotContain("s3cret").contains("password=******");
        SourceSpec rest = SourceSpec.parse("rest", "http://x", Map.of("header.Authorization", "Bearer tok3n"));
        assertThat(rest.options().headers()).containsEntry("Authorization", "Bearer tok3n");
        assertThat(rest.toString()).doesNotContain("tok3n");
    }

    @Test
    void aNewSourceTypeIsOneSmallClass() {
        SourceConnector constant = new SourceConnector() {
            @Override
            public String type() {
                return "constant";
            }

            @Override
            public java.util.Set<SourceOption> options() {
                return java.util.Set.of();
            }

            @Override
            public SourceReader open(SourceSpec spec) {
                throw new SourceException(SourceErrorCode.NOT_READABLE, spec.location(), null, "demo", null);
            }
        };
        SourceConnectors registry = SourceConnectors.builtIn().with(constant);
        assertThat(registry.types()).contains("constant", "csv");
        assertThat(registry.connector("CONSTANT")).isSameAs(constant);
        assertThatThrownBy(() -> SourceConnectors.builtIn().with(constant, constant))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two connectors for type constant");
    }
}
