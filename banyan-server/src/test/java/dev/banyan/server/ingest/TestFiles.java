package dev.banyan.server.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for writing source files and reading them back through the registry. */
final class TestFiles {

    static final SourceConnectors CONNECTORS = SourceConnectors.builtIn();
    static final Charset GBK = Charset.forName("GBK");

    private TestFiles() {
    }

    static Path write(Path dir, String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Everything a read gave. */
    record Read(List<String> columns, List<SourceRow> rows, List<RowProblem> problems, SourceFingerprint fingerprint,
                String description) {

        List<List<String>> values() {
            return rows.stream().map(SourceRow::values).toList();
        }

        List<RowProblem> rowProblems() {
            return rows.stream().flatMap(r -> r.problems().stream()).toList();
        }
    }

    static Read readAll(SourceSpec spec) {
        try (SourceReader reader = CONNECTORS.open(spec)) {
            List<SourceRow> rows = new ArrayList<>();
            for (SourceRow row : reader) {
                rows.add(row);
            }
            return new Read(reader.columns(), rows, reader.problems(), reader.fingerprint(), reader.description());
        }
    }

    static Read readAll(String type, Path file) {
        return readAll(SourceSpec.of(type, file.toString()));
    }

    static List<String> list(String... values) {
        return java.util.Arrays.asList(values);
    }
}
