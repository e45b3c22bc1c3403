package dev.banyan.server.ingest;

import java.util.Objects;

/**
 * Something wrong with one row or cell of a source (行问题), found while streaming. Reading goes on: the row is still
 * delivered, so that it can be quarantined (an {@link Severity#ERROR}) or kept with a note (a
 * {@link Severity#WARNING}).
 *
 * @param rowNumber the {@link SourceRow#rowNumber()} it concerns (1 = first data row), or 0 for the header / the
 *                  whole source
 * @param where     position a person can find in the source: {@code "line 17"}, {@code "sheet 学生, cell C5"}
 * @param column    the column it concerns, or {@code null}
 * @param code      stable code
 * @param severity  whether the row must be quarantined
 * @param message   what is wrong, in English, with the numbers (e.g. "9 fields, header has 7")
 * @param value     the offending raw text (extra fields, a broken JSON line, a formula), or {@code null}
 */
public record RowProblem(long rowNumber, String where, String column, SourceErrorCode code, Severity severity,
                         String message, String value) {

    /** How bad a problem is. */
    public enum Severity {
        /** The row is delivered as read but must not be trusted: quarantine it. */
        ERROR,
        /** The row is fine to land; the problem is worth showing (a formula's cached value, merged cells). */
        WARNING
    }

    public RowProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return "[" + code.code() + " " + severity + "] row " + rowNumber + (where == null ? "" : " (" + where + ")")
                + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
