package dev.banyan.server.ingest;

/**
 * One thing wrong with a row (质量问题): which field, which rule, the value as delivered and why it is wrong. A problem
 * that {@code rejects} sends the row to quarantine (隔离区); others are flagged on the STANDARD row.
 *
 * @param field   the catalog field name
 * @param rule    the rule's name, e.g. {@code GB 11643}
 * @param code    the stable problem code, e.g. {@code invalid}, {@code date.impossible}, {@code key.missing}; the key
 *                of its Chinese and English reason in the message bundles ({@code quarantine.reason.<code>})
 * @param value   the raw value, or null
 * @param detail  what is wrong, in English, naming the offending part
 * @param rejects whether this problem alone keeps the row out of the STANDARD zone
 */
public record QuarantineProblem(String field, String rule, String code, String value, String detail, boolean rejects) {
}
