package dev.banyan.synthcity.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Newline-delimited JSON (NDJSON, 按行分隔的 JSON), one object per record as an API dump would give it; all values are strings and
 * empty values are {@code null}.
 */
final class NdjsonTableWriter implements TableWriter {

    private final Writer out;
    private final String[] keys;

    NdjsonTableWriter(Path file, DatasetSpec spec) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        List<String> names = spec.columnNames();
        keys = new String[names.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = JsonText.quote(names.get(i)) + ":";
        }
    }

    @Override
    public void write(String[] row) throws IOException {
        StringBuilder b = new StringBuilder(256).append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(keys[i]);
            String v = row[i];
            if (v == null || v.isEmpty()) {
                b.append("null");
            } else {
                JsonText.appendQuoted(b, v);
            }
        }
        b.append("}\n");
        out.write(b.toString());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
