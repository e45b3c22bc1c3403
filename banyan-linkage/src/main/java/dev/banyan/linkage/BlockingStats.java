package dev.banyan.linkage;

import java.util.List;
import java.util.Locale;

/**
 * What blocking did (分块统计): candidate pairs per rule (each pair counted once, for the first rule that found it),
 * blocks skipped for being larger than the schema's limit, the reduction ratio (1 − candidates / all pairs) and, when
 * the truth is known, pair completeness (the share of true pairs that became candidates).
 *
 * @param records          records blocked
 * @param pairsPerRule     candidate pairs attributed to each rule, in rule order
 * @param skippedBlocks    blocks larger than the limit, not compared
 * @param skippedRecords   records in those blocks (counted once per block)
 * @param truePairs        true matching pairs among all records, or -1 if unknown
 * @param trueCandidates   true matching pairs among the candidates, or -1 if unknown
 */
public record BlockingStats(long records, List<Long> pairsPerRule, long skippedBlocks, long skippedRecords,
                            long truePairs, long trueCandidates) {

    public BlockingStats {
        pairsPerRule = List.copyOf(pairsPerRule);
    }

    /** All candidate pairs. */
    public long candidatePairs() {
        return pairsPerRule.stream().mapToLong(Long::longValue).sum();
    }

    /** 1 − candidates / (n(n−1)/2). */
    public double reductionRatio() {
        double all = records * (records - 1) / 2.0;
        return all == 0 ? 1 : 1 - candidatePairs() / all;
    }

    /** True candidates / true pairs, or NaN if the truth is unknown. */
    public double pairCompleteness() {
        return truePairs <= 0 ? Double.NaN : (double) trueCandidates / truePairs;
    }

    /** One line per rule and a summary. */
    public String describe(List<BlockingRule> rules) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < pairsPerRule.size(); r++) {
            b.append(String.format(Locale.ROOT, "  %-50s %,12d pairs%n", rules.get(r), pairsPerRule.get(r)));
        }
        b.append(String.format(Locale.ROOT, "  candidates %,d, reduction ratio %.6f, skipped blocks %,d (%,d records)",
                candidatePairs(), reductionRatio(), skippedBlocks, skippedRecords));
        if (truePairs > 0) {
            b.append(String.format(Locale.ROOT, ", pair completeness %.4f", pairCompleteness()));
        }
        return b.toString();
    }
}
