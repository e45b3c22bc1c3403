package dev.banyan.server.ingest;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to read (数据源定义): the connector type, where the data is, and typed options.
 *
 * <p>Build one with {@link #builder(String, String)}, or from text options with {@link #parse(String, String, Map)}.
 * Options are validated when built; a connector additionally rejects options it does not understand (see
 * {@link SourceConnector#options()}), so a typo never goes unnoticed.
 *
 * @param type     connector type: {@code csv}, {@code tsv}, {@code ndjson}, {@code json}, {@code xlsx}, {@code xls},
 *                 {@code jdbc}, {@code rest}
 * @param location file path, JDBC URL or HTTP(S) URL
 * @param options  the options
 */
public record SourceSpec(String type, String location, Options options) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    public SourceSpec {
        if (type == null || type.isBlank()) {
            throw bad(location, "the source type is missing", "give one of csv, tsv, ndjson, json, xlsx, xls, jdbc, rest.");
        }
        type = type.strip().toLowerCase(Locale.ROOT);
        if (location == null || location.isBlank()) {
            throw bad(null, "the location of the " + type + " source is missing",
                    "give a file path, a JDBC URL or an HTTP URL.");
        }
        Objects.requireNonNull(options, "options");
    }

    /** A spec with default options. */
    public static SourceSpec of(String type, String location) {
        return builder(type, location).build();
    }

    public static Builder builder(String type, String location) {
        return new Builder(type, location);
    }

    /** Whether the option was given explicitly (rather than defaulted). */
    /** The connector types whose location is a file (rather than a JDBC or HTTP(S) URL). */
    public static final java.util.Set<String> FILE_TYPES = java.util.Set.of("csv", "tsv", "json", "ndjson", "xlsx", "xls");

    /** Whether the location is a file, whose bytes are its fingerprint. */
    public boolean readsFile() {
        return FILE_TYPES.contains(type);
    }

    public boolean has(SourceOption option) {
        return options.given().contains(option);
    }

    /**
     * Typed options. Defaults apply to options not {@link #given()}.
     *
     * @param given           the options that were set explicitly
     * @param encoding        encoding override, or {@code null} to detect
     * @param delimiter       field delimiter, or {@code null} for the type's default
     * @param headerRow       1-based header row; 0 = no header (columns are named {@code column_1} …)
     * @param expectedColumns columns the source must have; empty = no check
     * @param sampleRows      JSON records sampled to find the columns
     * @param sheet           Excel sheet name, or {@code null} for the first
     * @param user            JDBC user, or {@code null}
     * @param password        JDBC password, or {@code null}; not shown by {@link #toString()}
     * @param table           JDBC table, or {@code null}
     * @param query           JDBC query, or {@code null}
     * @param watermarkColumn JDBC incremental column, or {@code null}
     * @param watermarkValue  last loaded watermark value, or {@code null} for a full load
     * @param fetchSize       JDBC fetch size
     * @param pageParam       REST page-number parameter
     * @param pageSizeParam   REST page-size parameter
     * @param pageSize        REST records per page
     * @param firstPage       REST first page number
     * @param itemsPointer    REST JSON pointer to the records array ("" = the page itself)
     * @param maxPages        REST page limit
     * @param headers         REST request headers; values not shown by {@link #toString()}
     * @param timeout         network timeout
     * @param retries         REST retries per page
     */
    public record Options(Set<SourceOption> given, Charset encoding, Character delimiter, int headerRow,
                          List<String> expectedColumns, int sampleRows, String sheet, String user, String password,
                          String table, String query, String watermarkColumn, String watermarkValue, int fetchSize,
                          String pageParam, String pageSizeParam, int pageSize, int firstPage, String itemsPointer,
                          int maxPages, Map<String, String> headers, Duration timeout, int retries) {

        public Options {
            given = given.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(given));
            expectedColumns = List.copyOf(expectedColumns);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        @Override
        public String toString() {
            return "Options" + given.stream().map(o -> o.key() + "=" + shown(o)).collect(Collectors.joining(", ", "{", "}"));
        }

        private String shown(SourceOption o) {
            return switch (o) {
                case ENCODING -> encoding.name();
                case DELIMITER -> delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
                case HEADER_ROW -> String.valueOf(headerRow);
                case EXPECTED_COLUMNS -> String.join(",", expectedColumns);
                case SAMPLE_ROWS -> String.valueOf(sampleRows);
                case SHEET -> sheet;
                case USER -> user;
                case PASSWORD -> "******";
                case TABLE -> table;
                case QUERY -> query;
                case WATERMARK_COLUMN -> watermarkColumn;
                case WATERMARK_VALUE -> watermarkValue;
                case FETCH_SIZE -> String.valueOf(fetchSize);
                case PAGE_PARAM -> pageParam;
                case PAGE_SIZE_PARAM -> pageSizeParam;
                case PAGE_SIZE -> String.valueOf(pageSize);
                case FIRST_PAGE -> String.valueOf(firstPage);
                case ITEMS_POINTER -> itemsPointer;
                case MAX_PAGES -> String.valueOf(maxPages);
                case HEADERS -> String.join(",", headers.keySet()) + " (values hidden)";
                case TIMEOUT_SECONDS -> String.valueOf(timeout.toSeconds());
                case RETRIES -> String.valueOf(retries);
            };
        }
    }

    /**
     * Parses text options such as {@code encoding=GBK}, {@code header_row=2}, {@code header.Authorization=Bearer x}
     * (keys as in {@link SourceOption#key()}).
     *
     * @throws SourceException {@link SourceErrorCode#BAD_OPTION} naming the key, the value and what is allowed
     */
    public static SourceSpec parse(String type, String location, Map<String, String> options) {
        Builder b = builder(type, location);
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().strip();
            String value = e.getValue();
            if (key.toLowerCase(Locale.ROOT).startsWith(SourceOption.HEADERS.key())) {
                b.header(key.substring(SourceOption.HEADERS.key().length()), value);
                continue;
            }
            SourceOption option = Arrays.stream(SourceOption.values())
                    .filter(o -> o.key().equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> bad(location, "unknown option '" + key + "'", "use one of "
                            + Arrays.stream(SourceOption.values()).map(SourceOption::key).collect(Collectors.joining(", "))
                            + "."));
            switch (option) {
                case ENCODING -> b.encoding(charset(location, value));
                case DELIMITER -> b.delimiter(delimiter(location, value));
                case HEADER_ROW -> b.headerRow(integer(location, option, value));
                case EXPECTED_COLUMNS -> b.expectedColumns(Arrays.stream(value.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
                case SAMPLE_ROWS -> b.sampleRows(integer(location, option, value));
                case SHEET -> b.sheet(value);
                case USER -> b.user(value);
                case PASSWORD -> b.password(value);
                case TABLE -> b.table(value);
                case QUERY -> b.query(value);
                case WATERMARK_COLUMN -> b.watermarkColumn(value);
                case WATERMARK_VALUE -> b.watermarkValue(value);
                case FETCH_SIZE -> b.fetchSize(integer(location, option, value));
                case PAGE_PARAM -> b.pageParam(value);
                case PAGE_SIZE_PARAM -> b.pageSizeParam(value);
                case PAGE_SIZE -> b.pageSize(integer(location, option, value));
                case FIRST_PAGE -> b.firstPage(integer(location, option, value));
                case ITEMS_POINTER -> b.itemsPointer(value);
                case MAX_PAGES -> b.maxPages(integer(location, option, value));
                case TIMEOUT_SECONDS -> b.timeout(Duration.ofSeconds(integer(location, option, value)));
                case RETRIES -> b.retries(integer(location, option, value));
                case HEADERS -> throw new AssertionError("handled above");
            }
        }
        return b.build();
    }

    private static Charset charset(String location, String value) {
        try {
            return Charset.forName(value.strip());
        } catch (IllegalArgumentException e) {
            throw bad(location, "encoding '" + value + "' is not a known character encoding",
                    "use e.g. UTF-8, GBK, GB18030 or Big5, or leave it out to detect the encoding.");
        }
    }

    private static char delimiter(String location, String value) {
        String v = value == null ? "" : value;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "\\t", "tab", "\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> {
                if (v.length() != 1) {
                    throw bad(location, "delimiter '" + v + "' must be a single character",
                            "use one of , ; | or \\t (tab).");
                }
                yield v.charAt(0);
            }
        };
    }

    private static int integer(String location, SourceOption option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw bad(location, "option " + option.key() + " must be a whole number, not '" + value + "'", null);
        }
    }

    static SourceException bad(String location, String detail, String fix) {
        return new SourceException(SourceErrorCode.BAD_OPTION, location, null, detail, fix);
    }

    /** Builds a {@link SourceSpec}, validating every option. */
    public static final class Builder {

        private final String type;
        private final String location;
        private final EnumSet<SourceOption> given = EnumSet.noneOf(SourceOption.class);
        private Charset encoding;
        private Character delimiter;
        private int headerRow = 1;
        private List<String> expectedColumns = List.of();
        private int sampleRows = 1000;
        private String sheet;
        private String user;
        private String password;
        private String table;
        private String query;
        private String watermarkColumn;
        private String watermarkValue;
        private int fetchSize = 1000;
        private String pageParam = "page";
        private String pageSizeParam = "size";
        private int pageSize = 100;
        private int firstPage = 1;
        private String itemsPointer = "";
        private int maxPages = 100_000;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(30);
        private int retries = 2;

        private Builder(String type, String location) {
            this.type = type;
            this.location = location;
        }

        private Builder set(SourceOption option) {
            given.add(option);
            return this;
        }

        public Builder encoding(Charset encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return set(SourceOption.ENCODING);
        }

        public Builder encoding(String encoding) {
            return encoding(charset(location, encoding));
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return set(SourceOption.DELIMITER);
        }

        public Builder headerRow(int headerRow) {
            this.headerRow = headerRow;
            return set(SourceOption.HEADER_ROW);
        }

        public Builder expectedColumns(List<String> expectedColumns) {
            this.expectedColumns = new ArrayList<>(expectedColumns);
            return set(SourceOption.EXPECTED_COLUMNS);
        }

        public Builder sampleRows(int sampleRows) {
            this.sampleRows = sampleRows;
            return set(SourceOption.SAMPLE_ROWS);
        }

        public Builder sheet(String sheet) {
            this.sheet = sheet;
            return set(SourceOption.SHEET);
        }

        public Builder user(String user) {
            this.user = user;
            return set(SourceOption.USER);
        }

        public Builder password(String password) {
            this.password = password;
            return set(SourceOption.PASSWORD);
        }

        public Builder table(String table) {
            this.table = table;
            return set(SourceOption.TABLE);
        }

        public Builder query(String query) {
            this.query = query;
            return set(SourceOption.QUERY);
        }

        public Builder watermarkColumn(String watermarkColumn) {
            this.watermarkColumn = watermarkColumn;
            return set(SourceOption.WATERMARK_COLUMN);
        }

        /** The last loaded watermark value; {@code null} means a full load (the option counts as not given). */
        public Builder watermarkValue(String watermarkValue) {
            this.watermarkValue = watermarkValue;
            if (watermarkValue == null) {
                given.remove(SourceOption.WATERMARK_VALUE);
                return this;
            }
            return set(SourceOption.WATERMARK_VALUE);
        }

        public Builder fetchSize(int fetchSize) {
            this.fetchSize = fetchSize;
            return set(SourceOption.FETCH_SIZE);
        }

        public Builder pageParam(String pageParam) {
            this.pageParam = pageParam;
            return set(SourceOption.PAGE_PARAM);
        }

        public Builder pageSizeParam(String pageSizeParam) {
            this.pageSizeParam = pageSizeParam;
            return set(SourceOption.PAGE_SIZE_PARAM);
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return set(SourceOption.PAGE_SIZE);
        }

        public Builder firstPage(int firstPage) {
            this.firstPage = firstPage;
            return set(SourceOption.FIRST_PAGE);
        }

        public Builder itemsPointer(String itemsPointer) {
            this.itemsPointer = itemsPointer;
            return set(SourceOption.ITEMS_POINTER);
        }

        public Builder maxPages(int maxPages) {
            this.maxPages = maxPages;
            return set(SourceOption.MAX_PAGES);
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return set(SourceOption.HEADERS);
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return set(SourceOption.TIMEOUT_SECONDS);
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return set(SourceOption.RETRIES);
        }

        /**
         * @throws SourceException {@link SourceErrorCode#BAD_OPTION} for a value out of range or options that
         *                         contradict each other
         */
        public SourceSpec build() {
            if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
                throw bad(location, "the delimiter cannot be a quote or a line break", "use one of , ; | or \\t (tab).");
            }
            range(SourceOption.HEADER_ROW, headerRow, 0, 1_000);
            range(SourceOption.SAMPLE_ROWS, sampleRows, 1, 1_000_000);
            range(SourceOption.FETCH_SIZE, fetchSize, 1, 1_000_000);
            range(SourceOption.PAGE_SIZE, pageSize, 1, 1_000_000);
            range(SourceOption.FIRST_PAGE, firstPage, 0, Integer.MAX_VALUE);
            range(SourceOption.MAX_PAGES, maxPages, 1, Integer.MAX_VALUE);
            range(SourceOption.RETRIES, retries, 0, 10);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw bad(location, "the timeout must be positive", "give timeout_seconds of 1 or more.");
            }
            for (String c : expectedColumns) {
                if (c == null || c.isBlank()) {
                    throw bad(location, "expected_columns contains a blank name", "list the column names, comma separated.");
                }
            }
            if (expectedColumns.size() != expectedColumns.stream().distinct().count()) {
                throw bad(location, "expected_columns names a column twice: " + expectedColumns, null);
            }
            if (sheet != null && sheet.isBlank()) {
                throw bad(location, "the sheet name is blank", "give the sheet's name as shown on its tab, or leave it out for the first sheet.");
            }
            if (table != null && query != null) {
                throw bad(location, "both table and query are given", "give either table (e.g. transport.vehicles) or query, not both.");
            }
            if (table != null && !QUALIFIED.matcher(table).matches()) {
                throw bad(location, "table '" + table + "' is not a plain table name",
                        "give table or schema.table, letters, digits and underscores only; use query for anything else.");
            }
            if (query != null && !query.strip().regionMatches(true, 0, "select", 0, 6)
                    && !query.strip().regionMatches(true, 0, "with", 0, 4)) {
                throw bad(location, "the query must be a SELECT (or WITH … SELECT)", null);
            }
            if (watermarkColumn != null && !IDENTIFIER.matcher(watermarkColumn).matches()) {
                throw bad(location, "watermark_column '" + watermarkColumn + "' is not a plain column name",
                        "give the name of one column, letters, digits and underscores only.");
            }
            if (watermarkValue != null && watermarkColumn == null) {
                throw bad(location, "watermark_value is given without watermark_column",
                        "give the column the value belongs to (e.g. watermark_column=updated_at).");
            }
            for (String p : new String[]{pageParam, pageSizeParam}) {
                if (p == null || p.isBlank()) {
                    throw bad(location, "a paging parameter name is blank", "give page_param and page_size_param names, e.g. page and size.");
                }
            }
            if (itemsPointer == null || !(itemsPointer.isEmpty() || itemsPointer.startsWith("/"))) {
                throw bad(location, "items_pointer '" + itemsPointer + "' is not a JSON pointer",
                        "give a pointer such as /data/items, or leave it out when each page is a JSON array.");
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey() == null || !HEADER_NAME.matcher(h.getKey()).matches() || h.getValue() == null
                        || h.getValue().indexOf('\n') >= 0 || h.getValue().indexOf('\r') >= 0) {
                    throw bad(location, "request header '" + h.getKey() + "' is not a valid HTTP header",
                            "give header.Name=value with a token name and a one-line value.");
                }
            }
            return new SourceSpec(type, location, new Options(given, encoding, delimiter, headerRow, expectedColumns,
                    sampleRows, sheet, user, password, table, query, watermarkColumn, watermarkValue, fetchSize,
                    pageParam, pageSizeParam, pageSize, firstPage, itemsPointer, maxPages, headers, timeout, retries));
        }

        private void range(SourceOption option, int value, int min, int max) {
            if (value < min || value > max) {
                throw bad(location, "option " + option.key() + " is " + value + ", but must be between " + min
                        + " and " + max, null);
            }
        }
    }
}
