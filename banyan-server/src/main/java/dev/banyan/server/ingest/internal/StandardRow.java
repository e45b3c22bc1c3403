package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QuarantineProblem;
import java.util.List;

/**
 * One row after standardisation: either standard values for the STANDARD table, or — rejected — the raw values and
 * the problems that send it to quarantine.
 *
 * @param values   standard text forms in field order (raw values if rejected)
 * @param key      the business key, or null if rejected
 * @param problems what is wrong or inconsistent (a kept row may have flagged problems too)
 * @param flags    JSON object field → problem codes, or null if nothing is flagged
 * @param derived  JSON object field → facts derived from its value (birth date in an identity number, division and
 *                 grid of an address …), or null
 */
record StandardRow(String[] values, String key, boolean rejected, List<QuarantineProblem> problems, String flags,
                   String derived) {

    static StandardRow rejected(String[] raw, List<QuarantineProblem> problems) {
        return new StandardRow(raw, null, true, problems, null, null);
    }
}
