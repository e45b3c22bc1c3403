package dev.banyan.server.ingest;

import java.util.Objects;

/**
 * A source could not be opened or read (数据源异常). Unchecked, so that a {@link SourceReader} can be iterated with a
 * plain for-each loop; every connector method that can fail declares it anyway.
 *
 * <p>The message says what went wrong, where (source, row, column, sheet, cell) and how to fix it, e.g.
 * <pre>[INGEST-005] /data/minimum_living_allowance.csv, near line 3: bytes 0xB3 0xCC are not valid UTF-8.
 * Fix: set the encoding option (e.g. encoding=GBK).</pre>
 *
 * @see SourceErrorCode
 */
public class SourceException extends RuntimeException {

    private final SourceErrorCode code;
    private final String source;
    private final String where;
    private final String detail;
    private final String fix;

    /**
     * @param code   what kind of failure
     * @param source the file, redacted JDBC URL or URL
     * @param where  position inside the source ("line 17", "sheet 学生, cell C5", "row 1234"), or {@code null}
     * @param detail what exactly is wrong
     * @param fix    how to fix it, or {@code null}
     * @param cause  the underlying exception, or {@code null}
     */
    public SourceException(SourceErrorCode code, String source, String where, String detail, String fix,
                           Throwable cause) {
        super(format(code, source, where, detail, fix), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.source = source;
        this.where = where;
        this.detail = detail;
        this.fix = fix;
    }

    public SourceException(SourceErrorCode code, String source, String where, String detail, String fix) {
        this(code, source, where, detail, fix, null);
    }

    private static String format(SourceErrorCode code, String source, String where, String detail, String fix) {
        StringBuilder b = new StringBuilder("[").append(code.code()).append("] ");
        if (source != null) {
            b.append(source);
            if (where != null) {
                b.append(", ").append(where);
            }
            b.append(": ");
        } else if (where != null) {
            b.append(where).append(": ");
        }
        b.append(detail == null ? code.titleEn() : detail);
        if (fix != null) {
            b.append(" Fix: ").append(fix);
        }
        return b.toString();
    }

    public SourceErrorCode code() {
        return code;
    }

    /** The source (file path, redacted JDBC URL, URL), or {@code null}. */
    public String source() {
        return source;
    }

    /** Position inside the source, or {@code null}. */
    public String where() {
        return where;
    }

    public String detail() {
        return detail;
    }

    /** How to fix it, or {@code null}. */
    public String fix() {
        return fix;
    }

    /** A short Chinese message: title, source and position; the English detail follows for specifics. */
    public String messageZh() {
        StringBuilder b = new StringBuilder("[").append(code.code()).append("] ").append(code.titleZh());
        if (source != null) {
            b.append("：").append(source);
        }
        if (where != null) {
            b.append("，").append(where);
        }
        if (detail != null) {
            b.append("（").append(detail).append("）");
        }
        return b.toString();
    }
}
