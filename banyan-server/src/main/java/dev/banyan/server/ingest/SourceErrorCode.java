package dev.banyan.server.ingest;

/**
 * Stable codes of everything that can go wrong while reading a source (数据源错误代码), each with a short English and
 * Chinese title. The code is what the console, the API and the quarantine store; the titles are fallbacks for logs
 * and for the message bundles that come later.
 */
public enum SourceErrorCode {

    /** No connector is registered for the spec's type. */
    UNKNOWN_TYPE("INGEST-001", "unknown source type", "未知的数据源类型"),
    /** An option is missing, malformed, out of range or does not apply to the source type. */
    BAD_OPTION("INGEST-002", "bad source option", "数据源参数错误"),
    /** The file, database or URL cannot be reached or read. */
    NOT_READABLE("INGEST-003", "source not readable", "数据源无法读取"),
    /** The file has no bytes at all (not even a header row). */
    EMPTY_SOURCE("INGEST-004", "empty source", "数据源为空"),
    /** The bytes are not valid in the (detected or given) character encoding, or the encoding cannot be detected. */
    ENCODING("INGEST-005", "wrong or unknown character encoding", "字符编码错误或无法识别"),
    /** The header does not match the expected columns, or is unusable. */
    HEADER_MISMATCH("INGEST-006", "header does not match the expected columns", "表头与预期字段不一致"),
    /** The file is not well formed for its type (broken JSON, corrupt workbook, unterminated quote …). */
    MALFORMED("INGEST-007", "malformed source", "数据源格式错误"),
    /** The source failed while being read (a database that died mid-run, an HTTP error). */
    SOURCE_FAILED("INGEST-008", "source failed while reading", "读取过程中数据源出错"),

    // row problems (行问题): the row is still delivered, to be quarantined or kept with a warning

    /** A delimited row with more or fewer fields than the header. */
    RAGGED_ROW("INGEST-101", "row has a different number of fields than the header", "行字段数与表头不一致"),
    /** A field that is not among the columns (JSON key seen after the column sample, for example). */
    UNEXPECTED_FIELD("INGEST-102", "field not among the columns", "出现未定义的字段"),
    /** A record that cannot be parsed at all (a broken NDJSON line, a JSON value that is not an object). */
    UNPARSEABLE_ROW("INGEST-103", "record cannot be parsed", "记录无法解析"),
    /** An Excel cell holding a formula: its cached value was taken. */
    FORMULA_CELL("INGEST-104", "cell is a formula; its cached value was taken", "单元格为公式，取其缓存值"),
    /** An Excel formula without a cached value, or an Excel error value such as #DIV/0!. */
    CELL_ERROR("INGEST-105", "cell has no usable value", "单元格无有效值"),
    /** An Excel merged region: only its top-left cell holds the value. */
    MERGED_CELLS("INGEST-106", "merged cells; only the top-left cell holds the value", "合并单元格，仅左上角单元格有值"),
    /** A blank or duplicate header name that had to be renamed. */
    HEADER_RENAMED("INGEST-107", "blank or duplicate column name renamed", "空白或重复的列名已重命名");

    private final String code;
    private final String titleEn;
    private final String titleZh;

    SourceErrorCode(String code, String titleEn, String titleZh) {
        this.code = code;
        this.titleEn = titleEn;
        this.titleZh = titleZh;
    }

    /** The stable code, e.g. {@code INGEST-101}. */
    public String code() {
        return code;
    }

    public String titleEn() {
        return titleEn;
    }

    public String titleZh() {
        return titleZh;
    }
}
