package dev.banyan.server.ingest;

import java.util.List;

/**
 * What became of correcting a quarantined row (更正结果): accepted into the STANDARD zone, or still failing — then with
 * the problems of the corrected values, and nothing changed.
 */
public record CorrectionResult(boolean accepted, QuarantinedRow row, List<QuarantineProblem> problems) {

    public CorrectionResult {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
