package dev.banyan.linkage.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Term frequencies (词频) of one field's values, for the term-frequency adjustment of exact agreement: sharing a common
 * name such as 张伟 is weaker evidence than sharing a rare one. The adjustment is log2(Σ f² / f(v)) bits, where Σ f² is
 * the chance that two random records share some value and f(v) the share of records with value v; it is limited to
 * ±{@value #LIMIT} bits so that one field cannot decide a pair alone.
 */
public final class TermFrequencies {

    static final double LIMIT = 4.0;

    private final Map<String, Integer> counts = new HashMap<>();
    private long total;
    private double sumOfSquares = Double.NaN;

    public void add(String term) {
        if (term != null) {
            counts.merge(term, 1, Integer::sum);
            total++;
            sumOfSquares = Double.NaN;
        }
    }

    /** The adjustment in bits for exact agreement on {@code term}. */
    public double adjustmentBits(String term) {
        Integer c = counts.get(term);
        if (c == null || total == 0) {
            return 0;
        }
        if (Double.isNaN(sumOfSquares)) {
            double s = 0;
            for (int v : counts.values()) {
                double f = (double) v / total;
                s += f * f;
            }
            sumOfSquares = s;
        }
        double f = (double) c / total;
        double bits = Math.log(sumOfSquares / f) / Math.log(2);
        return Math.max(-LIMIT, Math.min(LIMIT, bits));
    }
}
