package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceErrorCode;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON objects as flat rows: top-level keys become columns; strings, numbers and booleans give their text exactly as
 * written (numbers are not reformatted); {@code null} gives null; nested objects and arrays give their JSON text.
 */
final class JsonRecords {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonRecords() {
    }

    /** Reads the object whose START_OBJECT is the parser's current token, up to and including its END_OBJECT. */
    static LinkedHashMap<String, String> readObject(JsonParser p) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            fields.put(name, value(p, v));
        }
        return fields;
    }

    /** The text of the value at the current token (consuming a nested structure). */
    static String value(JsonParser p, JsonToken v) {
        return switch (v) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getString();
            case START_OBJECT, START_ARRAY -> MAPPER.readTree(p).toString();
            default -> p.getText();
        };
    }

    /** Column names: the union of the keys of the sampled records, in first-seen order. */
    static List<String> columnsOf(Iterable<LinkedHashMap<String, String>> sample) {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, String> r : sample) {
            if (r != null) {
                names.addAll(r.keySet());
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * The record's values in column order; keys that are not columns are kept after the last column and reported as
     * an {@link SourceErrorCode#UNEXPECTED_FIELD} error, so that nothing is lost silently.
     */
    static List<String> values(Map<String, String> record, List<String> columns, Map<String, Integer> index,
                               long rowNumber, String where, List<RowProblem> problems) {
        List<String> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(null);
        }
        List<String> extra = null;
        for (Map.Entry<String, String> e : record.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                values.set(i, e.getValue());
            } else {
                if (extra == null) {
                    extra = new ArrayList<>();
                }
                extra.add(e.getKey());
                values.add(e.getValue());
            }
        }
        if (extra != null) {
            problems.add(new RowProblem(rowNumber, where, extra.get(0), SourceErrorCode.UNEXPECTED_FIELD,
                    RowProblem.Severity.ERROR, "key(s) " + extra + " are not among the columns; their values are kept"
                    + " after the last column (give them in expected_columns, or raise sample_rows)",
                    String.join(",", extra)));
        }
        return values;
    }

    static Map<String, Integer> index(List<String> columns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        return index;
    }
}
