package dev.banyan.server.ingest.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceConnector;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CSV and TSV files (分隔符文本文件), read with FastCSV: RFC 4180 quoting with embedded delimiters, quotes and line
 * breaks; encoding by byte-order mark, override or detection (see {@link Encodings}); blank lines skipped; ragged
 * rows delivered with a {@link SourceErrorCode#RAGGED_ROW} error. Memory is bounded by FastCSV's buffer (a field can
 * be at most 16 MB).
 */
public final class DelimitedConnector implements SourceConnector {

    private static final Set<SourceOption> OPTIONS = EnumSet.of(SourceOption.ENCODING, SourceOption.DELIMITER,
            SourceOption.HEADER_ROW, SourceOption.EXPECTED_COLUMNS);

    private final String type;
    private final char defaultDelimiter;

    private DelimitedConnector(String type, char defaultDelimiter) {
        this.type = type;
        this.defaultDelimiter = defaultDelimiter;
    }

    /** Comma-separated values. */
    public static DelimitedConnector csv() {
        return new DelimitedConnector("csv", ',');
    }

    /** Tab-separated values (with CSV quoting, as spreadsheet programs write them). */
    public static DelimitedConnector tsv() {
        return new DelimitedConnector("tsv", '\t');
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<SourceOption> options() {
        return OPTIONS;
    }

    @Override
    public SourceReader open(SourceSpec spec) {
        Path path = SourceFile.readableFile(spec.location());
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (IOException e) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, spec.location(), null, "cannot open: " + e.getMessage(),
                    "check the file's permissions.", e);
        }
        return AbstractSourceReader.started(new DelimitedReader(spec, raw,
                spec.options().delimiter() == null ? defaultDelimiter : spec.options().delimiter()), r -> r.start());
    }

    private static final class DelimitedReader extends AbstractSourceReader {

        private final SourceSpec spec;
        private final HashingInputStream hashing;
        private final char delimiter;
        private Encodings.Decision encoding;
        private CsvReader<CsvRecord> csv;
        private CloseableIterator<CsvRecord> records;
        private CsvRecord pending;
        private long lastLine;
        private int width;

        DelimitedReader(SourceSpec spec, InputStream raw, char delimiter) {
            super(spec.location());
            this.spec = spec;
            this.hashing = new HashingInputStream(raw);
            this.delimiter = delimiter;
        }

        void start() {
            try {
                BufferedInputStream buffered = new BufferedInputStream(hashing, 1 << 16);
                encoding = Encodings.decide(buffered, spec.options().encoding(), source);
                csv = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"').skipEmptyLines(true)
                        .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true).allowUnclosedQuote(false)
                        .detectBomHeader(false).ofCsvRecord(Encodings.strictReader(buffered, encoding.charset()));
                records = csv.iterator();
            } catch (IOException e) {
                throw new SourceException(SourceErrorCode.NOT_READABLE, source, null, "cannot read: " + e.getMessage(),
                        null, e);
            }
            int headerRow = spec.options().headerRow();
            if (headerRow == 0) {
                pending = nextRecord();
                width = pending == null ? 0 : pending.getFieldCount();
                columns(Headers.generated(width));
                Headers.check(columns(), spec.options().expectedColumns(), source, "first row");
                return;
            }
            CsvRecord header = null;
            for (int i = 0; i < headerRow; i++) {
                header = nextRecord();
                if (header == null) {
                    break;
                }
            }
            if (header == null) {
                throw new SourceException(SourceErrorCode.EMPTY_SOURCE, source, null,
                        hashing.bytes() == 0 ? "the file is empty (0 bytes): there is no header row"
                                : "the file has fewer than " + headerRow + " non-blank line(s), so there is no header row",
                        headerRow == 1 ? "hand over the file with a header row naming the columns."
                                : "check header_row (it is " + headerRow + ").");
            }
            String where = "line " + header.getStartingLineNumber();
            List<RowProblem> renamed = new ArrayList<>();
            columns(Headers.normalise(header.getFields(), where, renamed));
            renamed.forEach(this::problem);
            width = columns().size();
            Headers.check(columns(), spec.options().expectedColumns(), source, where);
        }

        private CsvRecord nextRecord() {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CsvRecord r = records.next();
                lastLine = r.getStartingLineNumber();
                return r;
            } catch (UncheckedIOException | CsvParseException e) {
                CharacterCodingException coding = Encodings.codingError(e);
                String where = "after line " + lastLine;
                if (coding != null) {
                    throw Encodings.wrongEncoding(source, where, encoding, e);
                }
                if (e instanceof CsvParseException) {
                    throw new SourceException(SourceErrorCode.MALFORMED, source, where, "not valid "
                            + type() + ": " + e.getMessage(), "look for an unclosed quote (\") after line " + lastLine
                            + ", fix it and hand the file over again.", e);
                }
                throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, where,
                        "reading failed: " + e.getCause().getMessage(), null, e);
            }
        }

        private String type() {
            return delimiter == '\t' ? "TSV" : "CSV";
        }

        @Override
        protected Row read() {
            CsvRecord r = pending != null ? pending : nextRecord();
            pending = null;
            if (r == null) {
                return null;
            }
            List<String> fields = r.getFields();
            int n = fields.size();
            if (n == width) {
                return new Row(new ArrayList<>(fields), List.of());
            }
            List<String> values = new ArrayList<>(Math.max(n, width));
            values.addAll(fields);
            String where = "line " + r.getStartingLineNumber();
            RowProblem problem;
            if (n < width) {
                while (values.size() < width) {
                    values.add(null);
                }
                problem = new RowProblem(nextRowNumber(), where, columns().get(n), SourceErrorCode.RAGGED_ROW,
                        RowProblem.Severity.ERROR, n + " field(s), but the header has " + width + ": "
                        + columns().subList(n, width) + " missing", null);
            } else {
                problem = new RowProblem(nextRowNumber(), where, null, SourceErrorCode.RAGGED_ROW,
                        RowProblem.Severity.ERROR, n + " field(s), but the header has " + width
                        + "; the extra fields are kept after the last column",
                        String.join(String.valueOf(delimiter), fields.subList(width, n)));
            }
            return new Row(values, List.of(problem));
        }

        @Override
        protected SourceFingerprint finish(long rows) {
            try {
                return hashing.finish(rows);
            } catch (IOException e) {
                throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, null, "reading failed: " + e.getMessage(),
                        null, e);
            }
        }

        @Override
        public String description() {
            return type() + ", encoding " + encoding.how() + ", delimiter "
                    + (delimiter == '\t' ? "tab" : "'" + delimiter + "'");
        }

        @Override
        protected void release() {
            try {
                if (csv != null) {
                    csv.close();
                }
                hashing.closeSource();
            } catch (IOException e) {
                // nothing to do: the file was only read
            }
        }
    }
}
