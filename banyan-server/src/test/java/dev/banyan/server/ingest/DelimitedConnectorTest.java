package dev.banyan.server.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.banyan.server.ingest.TestFiles.GBK;
import static dev.banyan.server.ingest.TestFiles.list;
import static dev.banyan.server.ingest.TestFiles.readAll;
import static dev.banyan.server.ingest.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelimitedConnectorTest {

    @TempDir
    Path dir;

    private static final String PEOPLE = "record_id,姓名,身份证号码\nR1,张三,350102197410066927\nR2,李四,350182200403308218\n";

    @Test
    void readsUtf8WithoutBom() throws Exception {
        TestFiles.Read read = readAll("csv", write(dir, "a.csv", PEOPLE, StandardCharsets.UTF_8));
        assertThat(read.columns()).containsExactly("record_id", "姓名", "身份证号码");
        assertThat(read.values()).containsExactly(list("R1", "张三", "350102197410066927"),
                list("R2", "李四", "350182200403308218"));
        assertThat(read.rows()).extracting(SourceRow::rowNumber).containsExactly(1L, 2L);
        assertThat(read.rowProblems()).isEmpty();
        assertThat(read.description()).contains("UTF-8 (detected)");
    }

    @Test
    void readsUtf8WithBomAndCrlf() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = write(dir, "bom.csv", TestFiles.concat(bom,
                PEOPLE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        TestFiles.Read read = readAll("csv", file);
        assertThat(read.columns()).containsExactly("record_id", "姓名", "身份证号码");
        assertThat(read.values()).hasSize(2).first().isEqualTo(list("R1", "张三", "350102197410066927"));
        assertThat(read.description()).contains("byte-order mark");
        assertThat(read.fingerprint().bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void detectsGbk() throws Exception {
        String text = "record_id,区县,户主姓名,保障类别,月保障金额（元）,家庭住址\r\n"
                + "DB1,台江区,程子龙,C类,320,台江区新港街道南公园社区台江路252号5-101\r\n"
                + "DB2,鼓楼区,倪美玲,A类,680,鼓楼区东街街道达明路1号\r\n";
        TestFiles.Read read = readAll("csv", write(dir, "gbk.csv", text, GBK));
        assertThat(read.description()).contains("GB18030");
        assertThat(read.columns()).containsExactly("record_id", "区县", "户主姓名", "保障类别", "月保障金额（元）", "家庭住址");
        assertThat(read.values().get(0)).containsExactly("DB1", "台江区", "程子龙", "C类", "320",
                "台江区新港街道南公园社区台江路252号5-101");
    }

    @Test
    void explicitEncodingOverridesDetection() throws Exception {
        Path file = write(dir, "gbk.csv", "名称,地址\n榕城,福州\n", GBK);
        TestFiles.Read read = readAll(SourceSpec.builder("csv", file.toString()).encoding("GBK").build());
        assertThat(read.columns()).containsExactly("名称", "地址");
        assertThat(read.values()).containsExactly(list("榕城", "福州"));
        assertThat(read.description()).contains("GBK (given)");
    }

    @Test
    void aWrongEncodingIsAClearErrorNotMojibake() throws Exception {
        Path file = write(dir, "gbk.csv", "名称,地址\n榕城,福州\n", GBK);
        assertThatThrownBy(() -> readAll(SourceSpec.builder("csv", file.toString()).encoding("UTF-8").build()))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo(SourceErrorCode.ENCODING);
                    assertThat(e.fix()).contains("encoding=GBK");
                })
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void gbkAfterTheDetectionSampleStopsTheReadWithTheLine() throws Exception {
        StringBuilder ascii = new StringBuilder("id,name\n");
        int line = 1;
        while (ascii.length() < (1 << 20) + 10_000) {
            ascii.append(line).append(",plain ascii\n");
            line++;
        }
        Path file = write(dir, "late.csv", TestFiles.concat(ascii.toString().getBytes(StandardCharsets.US_ASCII),
                "999999,榕城\n".getBytes(GBK)));
        try (SourceReader reader = TestFiles.CONNECTORS.open(SourceSpec.of("csv", file.toString()))) {
            assertThatThrownBy(() -> reader.forEach(r -> { }))
                    .isInstanceOfSatisfying(SourceException.class,
                            e -> assertThat(e.code()).isEqualTo(SourceErrorCode.ENCODING))
                    .hasMessageContaining("after line");
            assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws Exception {
        String text = "id,address,note\n"
                + "1,\"台江路252号, 5-101\",\"he said \"\"hi\"\"\"\n"
                + "2,\"line one\nline two\r\nline three\",\n"
                + "3,plain,\"\"\n";
        TestFiles.Read read = readAll("csv", write(dir, "q.csv", text, StandardCharsets.UTF_8));
        assertThat(read.values()).containsExactly(
                list("1", "台江路252号, 5-101", "he said \"hi\""),
                list("2", "line one\nline two\r\nline three", ""),
                list("3", "plain", ""));
        assertThat(read.rowProblems()).isEmpty();
    }

    @Test
    void raggedRowsAreDeliveredWithAnErrorAndNothingIsLost() throws Exception {
        String text = "a,b,c\n1,2,3\n4,5\n6,7,8,9,10\n11,12,13\n";
        TestFiles.Read read = readAll("csv", write(dir, "r.csv", text, StandardCharsets.UTF_8));
        assertThat(read.rows()).hasSize(4);
        SourceRow shortRow = read.rows().get(1);
        assertThat(shortRow.values()).containsExactly("4", "5", null);
        assertThat(shortRow.hasErrors()).isTrue();
        assertThat(shortRow.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SourceErrorCode.RAGGED_ROW);
            assertThat(p.rowNumber()).isEqualTo(2);
            assertThat(p.where()).isEqualTo("line 3");
            assertThat(p.column()).isEqualTo("c");
            assertThat(p.message()).contains("2 field(s), but the header has 3");
        });
        SourceRow longRow = read.rows().get(2);
        assertThat(longRow.values()).containsExactly("6", "7", "8", "9", "10");
        assertThat(longRow.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("9,10");
            assertThat(p.where()).isEqualTo("line 4");
        });
        assertThat(read.rows().get(3).hasErrors()).isFalse();
    }

    @Test
    void anEmptyFileIsAClearError() throws Exception {
        Path file = write(dir, "empty.csv", new byte[0]);
        assertThatThrownBy(() -> readAll("csv", file))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.EMPTY_SOURCE))
                .hasMessageContaining("the file is empty (0 bytes)");
    }

    @Test
    void aHeaderOnlyFileHasColumnsAndNoRows() throws Exception {
        TestFiles.Read read = readAll("csv", write(dir, "h.csv", "a,b\r\n", StandardCharsets.UTF_8));
        assertThat(read.columns()).containsExactly("a", "b");
        assertThat(read.rows()).isEmpty();
        assertThat(read.fingerprint().rows()).isZero();
    }

    @Test
    void headerMismatchIsReportedBeforeAnyRow() throws Exception {
        Path file = write(dir, "m.csv", "record_id,姓名,电话\nR1,张三,1\n", StandardCharsets.UTF_8);
        SourceSpec spec = SourceSpec.builder("csv", file.toString())
                .expectedColumns(List.of("record_id", "姓名", "身份证号码")).build();
        assertThatThrownBy(() -> TestFiles.CONNECTORS.open(spec))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo(SourceErrorCode.HEADER_MISMATCH);
                    assertThat(e.where()).isEqualTo("line 1");
                })
                .hasMessageContaining("missing [身份证号码]").hasMessageContaining("unexpected [电话]");
        // the same columns in another order are fine
        SourceSpec reordered = SourceSpec.builder("csv", file.toString())
                .expectedColumns(List.of("电话", "record_id", "姓名")).build();
        assertThat(readAll(reordered).rows()).hasSize(1);
    }

    @Test
    void blankAndDuplicateHeaderNamesAreRenamedAndReported() throws Exception {
        TestFiles.Read read = readAll("csv", write(dir, "d.csv", "a,,a\n1,2,3\n", StandardCharsets.UTF_8));
        assertThat(read.columns()).containsExactly("a", "column_2", "a_2");
        assertThat(read.problems()).extracting(RowProblem::code).containsOnly(SourceErrorCode.HEADER_RENAMED);
        assertThat(read.problems()).hasSize(2);
    }

    @Test
    void headerRowSkipsTitleLinesAndZeroMeansNoHeader() throws Exception {
        Path file = write(dir, "t.csv", "榕城市低保名册（2025年6月）\n\nid,name\n1,a\n", StandardCharsets.UTF_8);
        TestFiles.Read read = readAll(SourceSpec.builder("csv", file.toString()).headerRow(2).build());
        assertThat(read.columns()).containsExactly("id", "name");
        assertThat(read.values()).containsExactly(list("1", "a"));

        Path bare = write(dir, "n.csv", "1,a\n2,b\n", StandardCharsets.UTF_8);
        TestFiles.Read noHeader = readAll(SourceSpec.builder("csv", bare.toString()).headerRow(0).build());
        assertThat(noHeader.columns()).containsExactly("column_1", "column_2");
        assertThat(noHeader.values()).containsExactly(list("1", "a"), list("2", "b"));
    }

    @Test
    void tsvAndOtherDelimiters() throws Exception {
        TestFiles.Read tsv = readAll("tsv", write(dir, "a.tsv", "a\tb\n1,5\t2\n", StandardCharsets.UTF_8));
        assertThat(tsv.values()).containsExactly(list("1,5", "2"));
        Path semi = write(dir, "s.csv", "a;b\n1;2\n", StandardCharsets.UTF_8);
        assertThat(readAll(SourceSpec.builder("csv", semi.toString()).delimiter(';').build()).values())
                .containsExactly(list("1", "2"));
    }

    @Test
    void blankLinesAreSkippedAndEmptyFieldsStayEmptyText() throws Exception {
        TestFiles.Read read = readAll("csv", write(dir, "b.csv", "a,b\n\n1,\n\n,2\n", StandardCharsets.UTF_8));
        assertThat(read.values()).containsExactly(list("1", ""), list("", "2"));
        assertThat(read.rows()).extracting(SourceRow::rowNumber).containsExactly(1L, 2L);
    }

    @Test
    void aMissingFileSaysWhere() {
        assertThatThrownBy(() -> readAll("csv", dir.resolve("nope.csv")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.NOT_READABLE))
                .hasMessageContaining("nope.csv").hasMessageContaining("does not exist");
    }

    @Test
    void theChecksumIsOfTheBytesAndStable() throws Exception {
        Path a = write(dir, "a.csv", PEOPLE, StandardCharsets.UTF_8);
        Path copy = write(dir, "copy-with-another-name.csv", PEOPLE, StandardCharsets.UTF_8);
        Path changed = write(dir, "changed.csv", PEOPLE.replace("李四", "李肆"), StandardCharsets.UTF_8);
        SourceFingerprint first = readAll("csv", a).fingerprint();
        assertThat(readAll("csv", a).fingerprint()).isEqualTo(first);
        assertThat(readAll("csv", copy).fingerprint()).isEqualTo(first);
        assertThat(readAll("csv", changed).fingerprint().sha256()).isNotEqualTo(first.sha256());
        assertThat(first.kind()).isEqualTo(SourceFingerprint.Kind.BYTES);
        assertThat(first.rows()).isEqualTo(2);
        assertThat(first.bytes()).isEqualTo(Files.size(a));
        assertThat(SourceFingerprint.ofFile(a).sha256()).isEqualTo(first.sha256());
        // the same as sha256sum would print
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(a))));
        assertThat(first.label()).startsWith("sha256:");
    }

    @Test
    void theFingerprintIsKnownOnlyAtTheEnd() throws Exception {
        Path a = write(dir, "a.csv", PEOPLE, StandardCharsets.UTF_8);
        try (SourceReader reader = TestFiles.CONNECTORS.open(SourceSpec.of("csv", a.toString()))) {
            reader.next();
            assertThatThrownBy(reader::fingerprint).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only after reading to the end");
            while (reader.next() != null) {
                // read on
            }
            assertThat(reader.fingerprint().rows()).isEqualTo(2);
            assertThat(reader.rowsRead()).isEqualTo(2);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void anUnclosedQuoteIsMalformedWithTheLine() throws Exception {
        Path file = write(dir, "u.csv", "a,b\n1,2\n3,\"never closed\n4,5\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll("csv", file))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.MALFORMED))
                .hasMessageContaining("unclosed quote");
    }
}
