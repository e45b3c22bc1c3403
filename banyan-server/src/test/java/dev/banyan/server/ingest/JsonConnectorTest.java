package dev.banyan.server.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.banyan.server.ingest.TestFiles.list;
import static dev.banyan.server.ingest.TestFiles.readAll;
import static dev.banyan.server.ingest.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonConnectorTest {

    @TempDir
    Path dir;

    @Test
    void ndjsonFlattensObjectsAndKeepsValuesAsWritten() throws Exception {
        String text = """
                {"record_id":"YB1","amount":1.10,"big":12345678901234567890,"ok":true,"enddate":null,"addr":{"city":"福州","no":[1,2]}}
                {"record_id":"YB2","amount":-3e2,"extra_later":"x"}

                {"record_id":"YB3"}
                """;
        TestFiles.Read read = readAll("ndjson", write(dir, "a.ndjson", text, StandardCharsets.UTF_8));
        assertThat(read.columns()).containsExactly("record_id", "amount", "big", "ok", "enddate", "addr", "extra_later");
        assertThat(read.values()).containsExactly(
                list("YB1", "1.10", "12345678901234567890", "true", null, "{\"city\":\"福州\",\"no\":[1,2]}", null),
                list("YB2", "-3e2", null, null, null, null, "x"),
                list("YB3", null, null, null, null, null, null));
        assertThat(read.rowProblems()).isEmpty();
    }

    @Test
    void aBrokenLineIsDeliveredAsAnErrorRowAndReadingGoesOn() throws Exception {
        String text = "{\"a\":\"1\"}\n{\"a\": \"2\", oops}\n[1,2]\n{\"a\":\"4\"}\n";
        TestFiles.Read read = readAll("ndjson", write(dir, "b.ndjson", text, StandardCharsets.UTF_8));
        assertThat(read.rows()).hasSize(4);
        assertThat(read.rows().get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SourceErrorCode.UNPARSEABLE_ROW);
            assertThat(p.rowNumber()).isEqualTo(2);
            assertThat(p.where()).isEqualTo("line 2");
            assertThat(p.value()).isEqualTo("{\"a\": \"2\", oops}");
        });
        assertThat(read.rows().get(2).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a JSON object"));
        assertThat(read.rows().get(3).values()).containsExactly("4");
        assertThat(read.rows().get(3).hasErrors()).isFalse();
    }

    @Test
    void keysBeyondTheSampleAreKeptAndReported() throws Exception {
        String text = "{\"a\":\"1\"}\n{\"a\":\"2\"}\n{\"a\":\"3\",\"late\":\"L\"}\n";
        Path file = write(dir, "c.ndjson", text, StandardCharsets.UTF_8);
        TestFiles.Read read = readAll(SourceSpec.builder("ndjson", file.toString()).sampleRows(2).build());
        assertThat(read.columns()).containsExactly("a");
        SourceRow third = read.rows().get(2);
        assertThat(third.values()).containsExactly("3", "L");
        assertThat(third.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SourceErrorCode.UNEXPECTED_FIELD);
            assertThat(p.column()).isEqualTo("late");
        });
    }

    @Test
    void expectedColumnsFixTheLayout() throws Exception {
        Path file = write(dir, "d.ndjson", "{\"b\":\"2\",\"a\":\"1\"}\n", StandardCharsets.UTF_8);
        TestFiles.Read read = readAll(SourceSpec.builder("ndjson", file.toString())
                .expectedColumns(List.of("a", "b", "c")).build());
        assertThat(read.columns()).containsExactly("a", "b", "c");
        assertThat(read.values()).containsExactly(list("1", "2", null));
    }

    @Test
    void aJsonArrayIsStreamed() throws Exception {
        String text = "[\n {\"id\": 1, \"name\": \"张三\", \"tags\": [\"a\"]},\n {\"id\": 2, \"name\": null},\n 7\n]\n";
        TestFiles.Read read = readAll("json", write(dir, "a.json", text, StandardCharsets.UTF_8));
        assertThat(read.columns()).containsExactly("id", "name", "tags");
        assertThat(read.values().get(0)).containsExactly("1", "张三", "[\"a\"]");
        assertThat(read.values().get(1)).containsExactly("2", null, null);
        assertThat(read.rows().get(2).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SourceErrorCode.UNPARSEABLE_ROW);
            assertThat(p.where()).isEqualTo("line 4, column 2");
        });
    }

    @Test
    void brokenJsonArraysAreMalformed() throws Exception {
        Path notArray = write(dir, "o.json", "{\"a\":1}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll("json", notArray))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.MALFORMED))
                .hasMessageContaining("use type ndjson");
        Path cut = write(dir, "cut.json", "[{\"a\":1},{\"a\":2}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll("json", cut)).isInstanceOf(SourceException.class)
                .hasMessageContaining("INGEST-007");
        Path broken = write(dir, "broken.json", "[{\"a\":1},\n{\"a\" 2}]", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll("json", broken))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.where()).startsWith("line 2"))
                .hasMessageContaining("not valid JSON");
        Path empty = write(dir, "empty.json", new byte[0]);
        assertThatThrownBy(() -> readAll("json", empty))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.EMPTY_SOURCE));
        assertThatThrownBy(() -> readAll("ndjson", empty))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.EMPTY_SOURCE));
    }

    @Test
    void theChecksumCoversTheWholeFile() throws Exception {
        Path a = write(dir, "a.json", "[{\"a\":1}]   \n\n", StandardCharsets.UTF_8);
        Path b = write(dir, "b.json", "[{\"a\":1}]\n", StandardCharsets.UTF_8);
        SourceFingerprint fa = readAll("json", a).fingerprint();
        assertThat(fa.sha256()).isEqualTo(SourceFingerprint.ofFile(a).sha256());
        assertThat(fa.bytes()).isEqualTo(java.nio.file.Files.size(a));
        assertThat(readAll("json", b).fingerprint().sha256()).isNotEqualTo(fa.sha256());
    }
}
