package dev.banyan.synthcity.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CSV and TSV files (逗号/制表符分隔) in UTF-8 or GBK, optionally with a byte-order mark and CR LF line ends. Characters
 * that GBK cannot encode become {@code ?}, as they do in real exports.
 */
final class DelimitedTableWriter implements TableWriter {

    private final CsvWriter csv;

    DelimitedTableWriter(Path file, DatasetSpec spec) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), spec.charset()), 1 << 16);
        if (spec.bom()) {
            out.write('\uFEFF');
        }
        csv = CsvWriter.builder()
                .fieldSeparator(spec.format() == TableFormat.TSV ? '\t' : ',')
                .lineDelimiter(spec.crlf() ? LineDelimiter.CRLF : LineDelimiter.LF)
                .build(out);
        csv.writeRecord(spec.columnNames());
    }

    @Override
    public void write(String[] row) {
        csv.writeRecord(row);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
