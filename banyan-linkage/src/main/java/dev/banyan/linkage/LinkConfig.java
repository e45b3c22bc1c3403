package dev.banyan.linkage;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A linkage configuration file (链接配置) in YAML: which CSV columns hold the record id, the source and the compared
 * fields, how each field is compared, the blocking rules, the thresholds, and how to read a truth file. Example:
 *
 * <pre>{@code
 * id: rec_id                 # the record-id column
 * source: dataset            # optional source column; with two input files the file name is the source
 * mode: deduplicate          # or link; default: link for two files, deduplicate for one
 * csv: {separator: ",", encoding: UTF-8}
 * fields:
 *   - {name: surname, comparator: name, termFrequency: true}
 *   - {name: dob, column: date_of_birth, comparator: date}
 *   - {name: id_number, comparator: identity_number, identifier: true}
 * blocking:
 *   - "surname:soundex & dob:year"
 *   - "dob:date"
 * thresholds: {link: 0.95, review: 0.5}
 * maxBlockSize: 500
 * truth:
 *   idPattern: "rec-(\\d+)-"  # entity = first group of the record id; or:
 *   # format: clusters       # truth CSV of record id, entity id  (or: pairs, a CSV of two record ids)
 * }</pre>
 *
 * @param schema       the linkage schema
 * @param idColumn     the record-id column
 * @param sourceColumn the source column, or {@code null}
 * @param columns      the CSV column of each field, in field order
 * @param modeGiven    whether the mode was set explicitly (otherwise it follows the number of input files)
 * @param separator    the CSV field separator
 * @param charset      the CSV encoding
 * @param truthPattern a regular expression whose first group of a record id is its entity, or {@code null}
 * @param truthPairs   whether a truth file lists matching pairs rather than record → entity
 */
public record LinkConfig(LinkSchema schema, String idColumn, String sourceColumn, List<String> columns,
                         boolean modeGiven, char separator, Charset charset, Pattern truthPattern,
                         boolean truthPairs) {

    private static final Set<String> KNOWN = Set.of("id", "source", "mode", "csv", "fields", "blocking", "thresholds",
            "maxBlockSize", "truth");

    /** Reads a configuration file. */
    public static LinkConfig read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": expected a YAML mapping at the top");
            }
            return of(map);
        }
    }

    /** Builds a configuration from parsed YAML. */
    public static LinkConfig of(Map<?, ?> yaml) {
        for (Object key : yaml.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown configuration key '" + key + "'; known: " + KNOWN);
            }
        }
        String id = text(yaml, "id", null);
        if (id == null) {
            throw new IllegalArgumentException("the configuration needs 'id': the record-id column");
        }
        List<FieldSpec> fields = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Object o : list(yaml, "fields")) {
            Map<?, ?> f = map(o, "each field");
            String name = text(f, "name", null);
            if (name == null) {
                throw new IllegalArgumentException("a field needs a 'name': " + f);
            }
            String comparator = text(f, "comparator", "string").toUpperCase(Locale.ROOT);
            ComparatorKind kind;
            try {
                kind = ComparatorKind.valueOf(comparator);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + name + ": unknown comparator '" + comparator
                        + "'; known: " + List.of(ComparatorKind.values()).toString().toLowerCase(Locale.ROOT), e);
            }
            fields.add(new FieldSpec(name, kind, bool(f, "identifier"), bool(f, "termFrequency")));
            columns.add(text(f, "column", name));
        }
        List<BlockingRule> rules = new ArrayList<>();
        for (Object o : list(yaml, "blocking")) {
            rules.add(BlockingRule.parse(String.valueOf(o)));
        }
        Thresholds thresholds = Thresholds.standard();
        if (yaml.get("thresholds") != null) {
            Map<?, ?> t = map(yaml.get("thresholds"), "thresholds");
            thresholds = new Thresholds(number(t, "link", 0.95), number(t, "review", 0.5));
        }
        String modeText = text(yaml, "mode", null);
        LinkMode mode = modeText == null ? LinkMode.DEDUPLICATE : LinkMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        int maxBlock = (int) number(yaml, "maxBlockSize", 500);
        char separator = ',';
        Charset charset = StandardCharsets.UTF_8;
        if (yaml.get("csv") != null) {
            Map<?, ?> csv = map(yaml.get("csv"), "csv");
            String sep = text(csv, "separator", ",");
            separator = sep.equals("\\t") || sep.equals("tab") ? '\t' : sep.charAt(0);
            charset = Charset.forName(text(csv, "encoding", "UTF-8"));
        }
        Pattern pattern = null;
        boolean pairs = false;
        if (yaml.get("truth") != null) {
            Map<?, ?> t = map(yaml.get("truth"), "truth");
            String p = text(t, "idPattern", null);
            pattern = p == null ? null : Pattern.compile(p);
            pairs = "pairs".equalsIgnoreCase(text(t, "format", "clusters"));
        }
        LinkSchema schema = new LinkSchema(fields, rules, thresholds, mode, maxBlock);
        return new LinkConfig(schema, id, text(yaml, "source", null), List.copyOf(columns), modeText != null,
                separator, charset, pattern, pairs);
    }

    /** The same configuration with another mode (e.g. link when two files are given and no mode was set). */
    public LinkConfig withMode(LinkMode mode) {
        LinkSchema s = new LinkSchema(schema.fields(), schema.blocking(), schema.thresholds(), mode,
                schema.maxBlockSize());
        return new LinkConfig(s, idColumn, sourceColumn, columns, true, separator, charset, truthPattern, truthPairs);
    }

    private static String text(Map<?, ?> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static boolean bool(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }

    private static double number(Map<?, ?> m, String key, double fallback) {
        Object v = m.get(key);
        return v == null ? fallback : v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }

    private static List<?> list(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw new IllegalArgumentException("the configuration needs a non-empty list '" + key + "'");
        }
        return l;
    }

    private static Map<?, ?> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a mapping, not " + o);
        }
        return new LinkedHashMap<>(m);
    }
}
