package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QuarantineProblem;
import dev.banyan.server.ingest.QuarantinedRow;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quarantined row as the API shows it (隔离记录视图): the row with each problem's readable reason in the
 * caller's language beside its stable code and English detail.
 */
record QuarantineView(long id, String resourceCode, long batchId, long rowNumber, QuarantinedRow.Status status,
                      Map<String, String> values, List<Problem> problems, Map<String, String> correctedValues,
                      String resolvedBy, Instant resolvedAt, String note) {

    /** A problem with its reason (原因). */
    record Problem(String field, String rule, String code, String value, String detail, boolean rejects, String reason) {
    }

    static List<Problem> problems(List<QuarantineProblem> problems, QuarantineReasons reasons, Locale locale) {
        return problems.stream().map(p -> new Problem(p.field(), p.rule(), p.code(), p.value(), p.detail(), p.rejects(),
                reasons.reason(p, locale))).toList();
    }

    static QuarantineView of(QuarantinedRow r, QuarantineReasons reasons, Locale locale) {
        return new QuarantineView(r.id(), r.resourceCode(), r.batchId(), r.rowNumber(), r.status(), r.values(),
                problems(r.problems(), reasons, locale), r.correctedValues(), r.resolvedBy(), r.resolvedAt(), r.note());
    }
}
