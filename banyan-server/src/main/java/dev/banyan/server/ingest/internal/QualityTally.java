package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QualityScore;
import java.util.ArrayList;
import java.util.List;

/** Counts, while a batch is standardised, what its {@link QualityScore} is computed from. Not thread-safe. */
final class QualityTally {

    private final RowStandardiser rows;
    private final long[] filled;
    private final long[] invalid;
    private long count;
    private long rejected;
    private long checks;
    private long inconsistent;

    QualityTally(RowStandardiser rows) {
        this.rows = rows;
        this.filled = new long[rows.fields().size()];
        this.invalid = new long[filled.length];
    }

    void count(StandardCell[] cells, boolean rowRejected, int inconsistencies, int checksMade) {
        count++;
        if (rowRejected) {
            rejected++;
        }
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                filled[i]++;
                if (!cells[i].isValid()) {
                    invalid[i]++;
                }
            }
        }
        checks += checksMade;
        inconsistent += inconsistencies;
    }

    /** A row counted as kept that is rejected after all (the source reported it broken). */
    void markRejected() {
        rejected++;
    }

    long rows() {
        return count;
    }

    long rejected() {
        return rejected;
    }

    /**
     * @param distinctKeys distinct business keys among the rows kept
     * @param timeliness   0–100, from the update cycle
     */
    QualityScore score(long distinctKeys, double timeliness) {
        List<QualityScore.FieldQuality> fields = new ArrayList<>(filled.length);
        double completeness = 0;
        double validity = 0;
        int judged = 0;
        for (int i = 0; i < filled.length; i++) {
            QualityScore.FieldQuality f = new QualityScore.FieldQuality(rows.fields().get(i).name(),
                    rows.standard(i).ruleName(), filled[i], invalid[i]);
            fields.add(f);
            completeness += f.completeness(count);
            if (filled[i] > 0) {
                validity += f.validity();
                judged++;
            }
        }
        completeness = filled.length == 0 ? 100 : completeness / filled.length;
        validity = judged == 0 ? 100 : validity / judged;
        long kept = count - rejected;
        double uniqueness = kept == 0 ? 100 : 100.0 * Math.min(distinctKeys, kept) / kept;
        double consistency = checks == 0 ? 100 : 100.0 * (checks - inconsistent) / checks;
        return new QualityScore(QualityScore.weighted(completeness, validity, uniqueness, consistency, timeliness),
                round(completeness), round(validity), round(uniqueness), round(consistency), round(timeliness), count,
                fields);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
