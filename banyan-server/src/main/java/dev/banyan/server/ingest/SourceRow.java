package dev.banyan.server.ingest;

import java.util.Collections;
import java.util.List;

/**
 * One record read from a source (源数据行).
 *
 * @param rowNumber 1-based ordinal of the record among the data rows of this read (header and skipped blank lines
 *                  not counted), the same for every connector; it is what the RAW zone stores as row number
 * @param values    the values as text exactly as in the source, in {@link SourceReader#columns()} order; {@code null}
 *                  for an absent value (a missing field of a short row, a JSON key that is absent or null, an empty
 *                  Excel cell, SQL NULL). Normally {@code values.size() == columns().size()}; a ragged row with
 *                  <em>extra</em> fields keeps them at the end (nothing is lost) and carries a
 *                  {@link SourceErrorCode#RAGGED_ROW} error. The list may contain nulls and is unmodifiable.
 * @param problems what is wrong with this row; empty for a clean row
 */
public record SourceRow(long rowNumber, List<String> values, List<RowProblem> problems) {

    public SourceRow {
        values = Collections.unmodifiableList(values);
        problems = problems == null || problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    public SourceRow(long rowNumber, List<String> values) {
        this(rowNumber, values, List.of());
    }

    /** Whether the row carries an {@link RowProblem.Severity#ERROR} and so belongs in quarantine. */
    public boolean hasErrors() {
        for (RowProblem p : problems) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    /** The value at {@code index}, or {@code null} if absent or beyond the row. */
    public String value(int index) {
        return index < values.size() ? values.get(index) : null;
    }
}
