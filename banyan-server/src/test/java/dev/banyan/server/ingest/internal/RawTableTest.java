package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names of RAW tables and columns, and the COPY text encoding. */
class RawTableTest {

    @Test
    void tableNamesAreLowerCaseSanitisedBoundedAndDeterministic() {
        assertThat(RawTable.tableName("101001-91350100MA2XXXXX1X-0001")).isEqualTo("101001_91350100ma2xxxxx1x_0001");
        String longCode = "A".repeat(80);
        String name = RawTable.tableName(longCode);
        assertThat(name).hasSize(63).startsWith("a".repeat(54) + "_").isEqualTo(RawTable.tableName(longCode));
        assertThat(RawTable.tableName("A".repeat(79) + "B")).isNotEqualTo(name);
    }

    @Test
    void columnNamesAreFieldNamesUnlessTooLongOrReserved() {
        String longChinese = "很长的信息项名称".repeat(4);   // 96 bytes of UTF-8
        List<String> columns = RawTable.columnNames(List.of("姓名", "_batch", longChinese, "Name \"quoted\""));
        assertThat(columns.get(0)).isEqualTo("姓名");
        assertThat(columns.get(1)).startsWith("_batch_").hasSize(15);
        assertThat(columns.get(2).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(columns.get(2)).startsWith("很长的信息项名称").matches(".*_[0-9a-f]{8}");
        assertThat(columns.get(3)).isEqualTo("Name \"quoted\"");
        assertThat(RawTable.quote(columns.get(3))).isEqualTo("\"Name \"\"quoted\"\"\"");
    }

    @Test
    void copyTextEscapesSpecialCharactersAndWritesNulls() {
        StringBuilder b = new StringBuilder();
        RawLoader.appendRow(b, new String[] {"a\tb\\c\nd\re", null, ""}, 7, 3, new byte[] {0x0f, (byte) 0xa0});
        assertThat(b).hasToString("a\\tb\\\\c\\nd\\re\t\\N\t\t7\t3\t\\\\x0fa0\n");
    }

    @Test
    void columnsMapExactlyThenByNormalisedName() {
        ColumnMapping m = ColumnMapping.of(List.of("ＩＤ", " name ", "Name", "other"), List.of("id", "Name", "name", "missing"));
        assertThat(m.sourceIndex()).containsExactly(0, 2, 1, -1);
        assertThat(m.unmappedColumns()).containsExactly("other");
        assertThat(m.unmatchedFields()).containsExactly("missing");
    }

    @Test
    void passwordsAreRedacted() {
        assertThat(RawLoader.redact("jdbc:postgresql://db/x?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=******&ssl=true");
        assertThat(RawLoader.redact("https://bob:pw@example.org/api")).isEqualTo("https://bob:******@example.org/api");
    }
}
