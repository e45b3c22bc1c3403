package dev.banyan.standards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A code table (代码表, 值域): the enumeration a field's values must come from, e.g. sex (性别, GB/T 2261.1)
 * or marital status (婚姻状况, GB/T 2261.2), with the many ways departments write each value.
 *
 * <p>{@link #parse(String)} maps a raw value — the code itself, its label or any synonym ({@code 男},
 * {@code 男性}, {@code M}, {@code male} and {@code 1} all to {@code 1}) — to the canonical code, ignoring
 * case, full-width forms, spaces and traditional characters ({@code 離婚} = {@code 离婚}). An unknown value
 * is reported with the table's name and its codes. Build a table with {@link #builder(String)}; the tables
 * of national standards are in {@link NationalCodeTables}. Immutable and thread-safe.
 */
public final class CodeTable implements StandardisationRule<String> {

    /** Problem code: the value is in no entry of the table. */
    public static final String UNKNOWN = "code.unknown";

    /** One code of a table with its label (名称), e.g. {@code 20} 已婚. */
    public record Entry(String code, String label) {

        /** Checks presence. */
        public Entry {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }

    private static final int LISTED_IN_PROBLEM = 12;

    private final String name;
    private final List<Entry> entries;
    private final Map<String, String> codeByKey;
    private final Map<String, String> labelByCode;

    private CodeTable(String name, List<Entry> entries, Map<String, String> codeByKey) {
        this.name = name;
        this.entries = List.copyOf(entries);
        this.codeByKey = Map.copyOf(codeByKey);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Entry e : entries) {
            labels.put(e.code(), e.label());
        }
        this.labelByCode = Collections.unmodifiableMap(labels);
    }

    /** Starts a table; {@code name} is shown in problems, e.g. {@code 性别 (GB/T 2261.1)}. */
    public static Builder builder(String name) {
        return new Builder(Objects.requireNonNull(name, "name"));
    }

    /**
     * The key a raw value is matched by: half-width, without spaces or invisible characters, lower case,
     * simplified characters.
     */
    public static String matchKey(String raw) {
        String s = Spacing.removeAll(FullWidth.toHalfWidth(raw)).toLowerCase(Locale.ROOT);
        return TraditionalChinese.toSimplified(s);
    }

    /** The table's name. */
    public String name() {
        return name;
    }

    /** The codes with their labels, in the order they were added. */
    public List<Entry> entries() {
        return entries;
    }

    /** The label of {@code code}, if it is in the table. */
    public Optional<String> label(String code) {
        return Optional.ofNullable(labelByCode.get(code));
    }

    /** The canonical code of {@code raw}. */
    @Override
    public ParseResult<String> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("value for " + name);
        }
        String code = codeByKey.get(matchKey(raw));
        if (code != null) {
            return ParseResult.valid(code);
        }
        StringBuilder known = new StringBuilder();
        int listed = 0;
        for (Entry e : entries) {
            if (listed == LISTED_IN_PROBLEM) {
                known.append(", …");
                break;
            }
            known.append(listed == 0 ? "" : ", ").append(e.code()).append(' ').append(e.label());
            listed++;
        }
        return ParseResult.invalid(UNKNOWN, "'" + raw.strip() + "' is not a value of " + name + "; expected one of: " + known);
    }

    /** Collects the entries of a table; not thread-safe. */
    public static final class Builder {

        private final String name;
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, String> codeByKey = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds a code with its label and further ways of writing it; the code and the label match as well.
         *
         * @throws IllegalArgumentException if the code is already in the table, or a way of writing it already
         *                                  stands for another code
         */
        public Builder code(String code, String label, String... synonyms) {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            for (Entry e : entries) {
                if (e.code().equals(code)) {
                    throw new IllegalArgumentException("code " + code + " is already in " + name);
                }
            }
            entries.add(new Entry(code, label));
            add(code, code);
            add(label, code);
            for (String synonym : synonyms) {
                add(synonym, code);
            }
            return this;
        }

        /**
         * Adds a further way of writing an existing code.
         *
         * @throws IllegalArgumentException if the code is not in the table yet, or the synonym stands for another code
         */
        public Builder synonym(String synonym, String code) {
            if (entries.stream().noneMatch(e -> e.code().equals(code))) {
                throw new IllegalArgumentException("code " + code + " is not in " + name);
            }
            add(synonym, code);
            return this;
        }

        private void add(String writing, String code) {
            String key = matchKey(Objects.requireNonNull(writing, "synonym"));
            if (key.isEmpty()) {
                throw new IllegalArgumentException("blank synonym for code " + code + " in " + name);
            }
            String previous = codeByKey.putIfAbsent(key, code);
            if (previous != null && !previous.equals(code)) {
                throw new IllegalArgumentException("'" + writing + "' cannot stand for both " + previous + " and " + code
                        + " in " + name);
            }
        }

        /** The table. */
        public CodeTable build() {
            if (entries.isEmpty()) {
                throw new IllegalStateException("code table " + name + " has no codes");
            }
            return new CodeTable(name, entries, codeByKey);
        }
    }
}
