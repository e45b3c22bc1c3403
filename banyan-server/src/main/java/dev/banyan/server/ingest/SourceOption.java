package dev.banyan.server.ingest;

/**
 * The options a {@link SourceSpec} can carry (数据源参数), with the key used in text form (job definitions, the
 * {@code ./banyan ingest} command line). Each connector declares which of them it understands; giving one it does
 * not understand is an error, not silently ignored.
 */
public enum SourceOption {

    /** Character encoding override for text files, e.g. {@code GBK}; without it the encoding is detected. */
    ENCODING("encoding"),
    /** Field delimiter of delimited text: one character ({@code ,} {@code \t} {@code ;} {@code |}). */
    DELIMITER("delimiter"),
    /** 1-based row holding the column names (rows above it are skipped, e.g. a title row); 0 = no header. */
    HEADER_ROW("header_row"),
    /** Columns the source must have (order free); a mismatch is reported before any row is read. */
    EXPECTED_COLUMNS("expected_columns"),
    /** JSON: how many records to look at to find the columns when none are expected (default 1000). */
    SAMPLE_ROWS("sample_rows"),
    /** Excel: the sheet to read (default: the first). */
    SHEET("sheet"),
    /** JDBC: user name. */
    USER("user"),
    /** JDBC: password (never printed). */
    PASSWORD("password"),
    /** JDBC: table to read, {@code table} or {@code schema.table}. */
    TABLE("table"),
    /** JDBC: a SELECT to read instead of a table. */
    QUERY("query"),
    /** JDBC: column that only grows (update time, serial key), for incremental loads. */
    WATERMARK_COLUMN("watermark_column"),
    /** JDBC: the highest watermark value already loaded; only rows above it are read. */
    WATERMARK_VALUE("watermark_value"),
    /** JDBC: rows fetched per round trip (default 1000). */
    FETCH_SIZE("fetch_size"),
    /** REST: query parameter carrying the page number (default {@code page}). */
    PAGE_PARAM("page_param"),
    /** REST: query parameter carrying the page size (default {@code size}). */
    PAGE_SIZE_PARAM("page_size_param"),
    /** REST: records per page (default 100). */
    PAGE_SIZE("page_size"),
    /** REST: number of the first page (default 1). */
    FIRST_PAGE("first_page"),
    /** REST: JSON pointer to the array of records in a page, e.g. {@code /data/items} (default: the page is the array). */
    ITEMS_POINTER("items_pointer"),
    /** REST: stop with an error after this many pages (default 100000), a guard against endless paging. */
    MAX_PAGES("max_pages"),
    /** REST: extra request headers, given in text form as {@code header.Name=value}. */
    HEADERS("header."),
    /** REST and JDBC: network timeout in seconds (default 30). */
    TIMEOUT_SECONDS("timeout_seconds"),
    /** REST: retries of a page after a 5xx, 429 or I/O error (default 2). */
    RETRIES("retries");

    private final String key;

    SourceOption(String key) {
        this.key = key;
    }

    /** The key in text form. */
    public String key() {
        return key;
    }
}
