package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names of RAW tables and columns, and the binary COPY encoding with the row hash. */
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
    void binaryCopyRowsCarryTheValuesVerbatimAndTheRowHash() throws Exception {
        CopyRows rows = new CopyRows(4, 16);
        rows.header();
        String[] values = {"a\tb\\c\nd\re", null, "", "福州\uD83D\uDE00"};
        int hashAt = rows.append(values, 7, 3);
        rows.trailer();
        ByteBuffer b = ByteBuffer.wrap(rows.buffer(), 0, rows.size());
        byte[] signature = new byte[11];
        b.get(signature);
        assertThat(signature).isEqualTo("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(b.getInt()).isZero();   // flags
        assertThat(b.getInt()).isZero();   // header extension
        assertThat(b.getShort()).isEqualTo((short) 7);
        for (String v : values) {
            if (v == null) {
                assertThat(b.getInt()).isEqualTo(-1);
            } else {
                byte[] utf8 = new byte[b.getInt()];
                b.get(utf8);
                assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(v);
            }
        }
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(7);
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(3);
        assertThat(b.getInt()).isEqualTo(16);
        assertThat(b.position()).isEqualTo(hashAt);
        byte[] hash = new byte[16];
        b.get(hash);
        assertThat(hash).isEqualTo(referenceRowHash(values));
        assertThat(b.getShort()).isEqualTo((short) -1);
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void equalRowsHashEquallyAndNullIsNotEmpty() {
        CopyRows rows = new CopyRows(2, 1 << 10);
        byte[] a = hashOf(rows, new String[] {"x", null});
        byte[] b = hashOf(rows, new String[] {"x", null});
        byte[] c = hashOf(rows, new String[] {"x", ""});
        byte[] d = hashOf(rows, new String[] {"", "x"});
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(c).isNotEqualTo(d);
    }

    @Test
    void valuesAreEncodedAsStringGetBytesEncodesThemIncludingUnpairedSurrogates() {
        List<String> tricky = new java.util.ArrayList<>(List.of("", "ascii", "é ß", "€ 福州市鼓楼区", "\uD83D\uDE00 emoji",
                "a\uD800b", "\uDC00", "x\uD83D", "\uDE00\uD83D", "\u007f\u0080\u07ff\u0800\uffff", "长".repeat(400)));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
            }
            tricky.add(new String(chars));
        }
        CopyRows rows = new CopyRows(1, 64);
        for (String v : tricky) {
            rows.clear();
            rows.append(new String[] {v}, 1, 1);
            ByteBuffer b = ByteBuffer.wrap(rows.buffer(), 0, rows.size());
            b.getShort();
            byte[] encoded = new byte[b.getInt()];
            b.get(encoded);
            assertThat(encoded).as(v).isEqualTo(v.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] hashOf(CopyRows rows, String[] values) {
        int at = rows.append(values, 1, 1);
        return Arrays.copyOfRange(rows.buffer(), at, at + 16);
    }

    /** The row hash as defined: SHA-256 of each value as a 4-byte big-endian length (−1 for null) and its UTF-8 bytes. */
    private static byte[] referenceRowHash(String[] values) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String v : values) {
            if (v == null) {
                sha256.update(new byte[] {-1, -1, -1, -1});
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
        }
        return Arrays.copyOf(sha256.digest(), 16);
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
