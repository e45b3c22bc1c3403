package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceConnector;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON files: NDJSON (one object per line, 每行一个JSON对象; a broken line is delivered as an
 * {@link SourceErrorCode#UNPARSEABLE_ROW} and reading goes on) and a JSON array of objects (streamed with Jackson's
 * parser; broken JSON inside the array stops the read with {@link SourceErrorCode#MALFORMED}, as nothing after it can
 * be trusted). The columns are the expected columns if given, else the keys of the first {@code sample_rows} records;
 * only that sample is held in memory.
 */
public final class JsonConnector implements SourceConnector {

    private static final Set<SourceOption> OPTIONS = EnumSet.of(SourceOption.ENCODING, SourceOption.EXPECTED_COLUMNS,
            SourceOption.SAMPLE_ROWS);

    private final boolean lines;

    private JsonConnector(boolean lines) {
        this.lines = lines;
    }

    /** Newline-delimited JSON, type {@code ndjson}. */
    public static JsonConnector ndjson() {
        return new JsonConnector(true);
    }

    /** A JSON array of objects, type {@code json}. */
    public static JsonConnector jsonArray() {
        return new JsonConnector(false);
    }

    @Override
    public String type() {
        return lines ? "ndjson" : "json";
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
                    null, e);
        }
        return AbstractSourceReader.started(new JsonReader(spec, raw, lines), r -> r.start());
    }

    /** One parsed record before it is laid out in columns. */
    private record Parsed(String where, LinkedHashMap<String, String> fields, RowProblem problem) {
    }

    private static final class JsonReader extends AbstractSourceReader {

        private final SourceSpec spec;
        private final boolean lines;
        private final HashingInputStream hashing;
        private Encodings.Decision encoding;
        private BufferedReader lineReader;
        private JsonParser parser;
        private long line;
        private final Deque<Parsed> sample = new ArrayDeque<>();
        private Map<String, Integer> index;
        private boolean arrayEnded;

        JsonReader(SourceSpec spec, InputStream raw, boolean lines) {
            super(spec.location());
            this.spec = spec;
            this.lines = lines;
            this.hashing = new HashingInputStream(raw);
        }

        void start() {
            try {
                BufferedInputStream buffered = new BufferedInputStream(hashing, 1 << 16);
                encoding = Encodings.decide(buffered, spec.options().encoding(), source);
                lineReader = new BufferedReader(Encodings.strictReader(buffered, encoding.charset()), 1 << 16);
                if (!lines) {
                    parser = JsonRecords.MAPPER.createParser(lineReader);
                    JsonToken first = nextToken();
                    if (first == null) {
                        throw new SourceException(SourceErrorCode.EMPTY_SOURCE, source, null,
                                "the file is empty: there is no JSON array", "hand over a file holding [ {…}, {…} ].");
                    }
                    if (first != JsonToken.START_ARRAY) {
                        throw new SourceException(SourceErrorCode.MALFORMED, source, "line 1",
                                "the file does not hold a JSON array (it starts with " + first + ")",
                                "a json source must be an array of objects; for one object per line use type ndjson.");
                    }
                }
            } catch (IOException e) {
                throw new SourceException(SourceErrorCode.NOT_READABLE, source, null, "cannot read: " + e.getMessage(),
                        null, e);
            }
            List<String> expected = spec.options().expectedColumns();
            if (!expected.isEmpty()) {
                columns(expected);
            } else {
                int n = spec.options().sampleRows();
                for (int i = 0; i < n; i++) {
                    Parsed p = parse();
                    if (p == null) {
                        break;
                    }
                    sample.add(p);
                }
                List<LinkedHashMap<String, String>> maps = new ArrayList<>(sample.size());
                for (Parsed p : sample) {
                    maps.add(p.fields());
                }
                columns(JsonRecords.columnsOf(maps));
                if (sample.isEmpty() && lines && hashing.bytes() == 0) {
                    throw new SourceException(SourceErrorCode.EMPTY_SOURCE, source, null,
                            "the file is empty (0 bytes)", "hand over a file with one JSON object per line.");
                }
            }
            index = JsonRecords.index(columns());
        }

        private JsonToken nextToken() {
            try {
                return parser.nextToken();
            } catch (JacksonException e) {
                throw failure(e);
            }
        }

        private SourceException failure(Exception e) {
            CharacterCodingException coding = Encodings.codingError(e);
            String where = where(e);
            if (coding != null) {
                return Encodings.wrongEncoding(source, where, encoding, e);
            }
            if (e instanceof JacksonException je) {
                return new SourceException(SourceErrorCode.MALFORMED, source, where,
                        "not valid JSON: " + je.getOriginalMessage(),
                        "fix the JSON at that position (a JSON validator shows the error) and hand the file over again.", e);
            }
            return new SourceException(SourceErrorCode.SOURCE_FAILED, source, where, "reading failed: " + e.getMessage(),
                    null, e);
        }

        private String where(Exception e) {
            if (e instanceof JacksonException je && je.getLocation() != null && je.getLocation().getLineNr() > 0) {
                TokenStreamLocation l = je.getLocation();
                return "line " + (lines ? line : l.getLineNr()) + ", column " + l.getColumnNr();
            }
            return "line " + line;
        }

        /** The next record, or null at the end. */
        private Parsed parse() {
            return lines ? parseLine() : parseElement();
        }

        private Parsed parseLine() {
            String text;
            do {
                try {
                    text = lineReader.readLine();
                } catch (IOException | UncheckedIOException e) {
                    throw failure(e);
                }
                if (text == null) {
                    return null;
                }
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            } while (text.isBlank());
            String where = "line " + line;
            try (JsonParser p = JsonRecords.MAPPER.createParser(text)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    return new Parsed(where, new LinkedHashMap<>(), unparseable(where, "the line is not a JSON object", text));
                }
                LinkedHashMap<String, String> fields = JsonRecords.readObject(p);
                if (p.nextToken() != null) {
                    return new Parsed(where, fields, unparseable(where, "text after the JSON object", text));
                }
                return new Parsed(where, fields, null);
            } catch (JacksonException e) {
                return new Parsed(where, new LinkedHashMap<>(),
                        unparseable(where, "not valid JSON: " + e.getOriginalMessage(), text));
            }
        }

        private RowProblem unparseable(String where, String message, String text) {
            // row number is fixed when the row is delivered (sampled rows are delivered later)
            return new RowProblem(-1, where, null, SourceErrorCode.UNPARSEABLE_ROW, RowProblem.Severity.ERROR,
                    message + "; the whole line is kept as the problem's value", text);
        }

        private Parsed parseElement() {
            if (arrayEnded) {
                return null;
            }
            JsonToken t = nextToken();
            if (t == null) {
                throw new SourceException(SourceErrorCode.MALFORMED, source, "line " + parser.currentLocation().getLineNr(),
                        "the JSON array is not closed (the file ends before ']')",
                        "the file may be cut short: hand over the complete file.");
            }
            if (t == JsonToken.END_ARRAY) {
                arrayEnded = true;
                JsonToken after = nextToken();
                if (after != null) {
                    throw new SourceException(SourceErrorCode.MALFORMED, source,
                            "line " + parser.currentLocation().getLineNr(), "there is more JSON after the array's ']'",
                            "hand over one JSON array per file.");
                }
                return null;
            }
            TokenStreamLocation at = parser.currentTokenLocation();
            String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
            try {
                if (t == JsonToken.START_OBJECT) {
                    return new Parsed(where, JsonRecords.readObject(parser), null);
                }
                String text = JsonRecords.value(parser, t);
                return new Parsed(where, new LinkedHashMap<>(), unparseable(where, "the array element is not a JSON object",
                        text));
            } catch (JacksonException e) {
                throw failure(e);
            }
        }

        @Override
        protected Row read() {
            Parsed p = sample.isEmpty() ? parse() : sample.poll();
            if (p == null) {
                return null;
            }
            long rowNumber = nextRowNumber();
            List<RowProblem> problems = new ArrayList<>(1);
            if (p.problem() != null) {
                RowProblem q = p.problem();
                problems.add(new RowProblem(rowNumber, q.where(), q.column(), q.code(), q.severity(), q.message(),
                        q.value()));
            }
            List<String> values = JsonRecords.values(p.fields(), columns(), index, rowNumber, p.where(), problems);
            return new Row(values, problems);
        }

        @Override
        protected SourceFingerprint finish(long rows) {
            try {
                return hashing.finish(rows);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public String description() {
            return (lines ? "NDJSON" : "JSON array") + ", encoding " + encoding.how() + ", "
                    + (spec.options().expectedColumns().isEmpty()
                    ? "columns from the first " + spec.options().sampleRows() + " records" : "expected columns");
        }

        @Override
        protected void release() {
            try {
                if (parser != null) {
                    parser.close();
                }
                if (lineReader != null) {
                    lineReader.close();
                }
                hashing.closeSource();
            } catch (IOException | JacksonException e) {
                // read-only
            }
        }
    }
}
