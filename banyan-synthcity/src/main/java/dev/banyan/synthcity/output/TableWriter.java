package dev.banyan.synthcity.output;

import java.io.Closeable;
import java.io.IOException;

/** Writes the rows of one dataset file (数据文件) in its format; the header is written when the writer is opened. */
public interface TableWriter extends Closeable {

    void write(String[] row) throws IOException;

    /** Opens the right writer for a spec. */
    static TableWriter open(java.nio.file.Path file, DatasetSpec spec) throws IOException {
        return switch (spec.format()) {
            case CSV, TSV -> new DelimitedTableWriter(file, spec);
            case NDJSON -> new NdjsonTableWriter(file, spec);
            case XLSX -> new WorkbookTableWriter(file, spec);
        };
    }
}
