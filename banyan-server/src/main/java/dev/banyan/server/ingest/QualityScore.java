package dev.banyan.server.ingest;

import java.util.List;

/**
 * The data quality of a batch (数据质量评分), 0–100, with its breakdown by dimension — completeness (完整性), validity
 * (有效性), uniqueness (唯一性), consistency (一致性) and timeliness (及时性) — and by field.
 *
 * <p>The score is the weighted mean {@code 25% completeness + 35% validity + 15% uniqueness + 15% consistency +
 * 10% timeliness}; each dimension is a percentage:
 * <ul>
 *   <li>completeness: mean over fields of the share of rows where the field is filled;</li>
 *   <li>validity: mean over fields with any value of the share of filled values that pass the field's rule;</li>
 *   <li>uniqueness: distinct business keys over rows kept (duplicates within a batch keep the last);</li>
 *   <li>consistency: cross-field checks passed over checks made (birth date and sex against the identity number,
 *       division code against the address); 100 when none apply;</li>
 *   <li>timeliness: 100 if the batch came within the resource's update cycle of the previous one, falling in
 *       proportion to the delay.</li>
 * </ul>
 */
public record QualityScore(double score, double completeness, double validity, double uniqueness, double consistency,
                           double timeliness, long rows, List<FieldQuality> fields) {

    public static final double COMPLETENESS_WEIGHT = 0.25;
    public static final double VALIDITY_WEIGHT = 0.35;
    public static final double UNIQUENESS_WEIGHT = 0.15;
    public static final double CONSISTENCY_WEIGHT = 0.15;
    public static final double TIMELINESS_WEIGHT = 0.10;

    public QualityScore {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The weighted score of the five dimensions, rounded to one decimal. */
    public static double weighted(double completeness, double validity, double uniqueness, double consistency,
                                  double timeliness) {
        double s = COMPLETENESS_WEIGHT * completeness + VALIDITY_WEIGHT * validity + UNIQUENESS_WEIGHT * uniqueness
                + CONSISTENCY_WEIGHT * consistency + TIMELINESS_WEIGHT * timeliness;
        return Math.round(s * 10) / 10.0;
    }

    /**
     * One field's share of the score.
     *
     * @param filled  rows where the field has a value
     * @param invalid filled values that fail the rule
     * @param rule    the rule's name
     */
    public record FieldQuality(String field, String rule, long filled, long invalid) {

        public double completeness(long rows) {
            return rows == 0 ? 100 : 100.0 * filled / rows;
        }

        public double validity() {
            return filled == 0 ? 100 : 100.0 * (filled - invalid) / filled;
        }
    }
}
