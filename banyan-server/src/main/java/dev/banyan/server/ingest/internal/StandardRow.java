package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QuarantineProblem;
import java.util.List;

/**
 * One row after standardisation: either standard values for the STANDARD table, or — rejected — the raw values and
 * the problems that send it to quarantine.
 *
 * @param values   standard text forms in field order, then the derived facts in the order of
 *                 {@link RowStandardiser#factSlots()} (if rejected: the raw values, no facts)
 * @param key      the business key, or null if rejected
 * @param problems what is wrong or inconsistent (a kept row may have flagged problems too)
 * @param flags    JSON object field → problem codes, or null if nothing is flagged
 */
record StandardRow(String[] values, String key, boolean rejected, List<QuarantineProblem> problems, String flags) {

    static StandardRow rejected(String[] raw, List<QuarantineProblem> problems) {
        return new StandardRow(raw, null, true, problems, null);
    }
}
