package dev.banyan.linkage;

import java.util.List;

/**
 * Unsupervised estimation of a {@link FellegiSunterModel} by expectation–maximisation (EM 参数估计) over the pattern
 * counts of the candidate pairs. The E-step gives each pattern its posterior match probability under conditional
 * independence; the M-step re-estimates λ, m and (unless fixed) u from those posteriors. Missing levels take no part.
 * Working on pattern counts keeps each iteration proportional to the number of distinct patterns, not of pairs.
 */
public final class ExpectationMaximisation {

    private final int maxIterations;
    private final double tolerance;
    private int iterations;

    /**
     * @param maxIterations stop after this many iterations
     * @param tolerance     stop when no parameter moves by more than this
     */
    public ExpectationMaximisation(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** 200 iterations, tolerance 1e-7. */
    public static ExpectationMaximisation standard() {
        return new ExpectationMaximisation(200, 1e-7);
    }

    /** The number of iterations of the last {@link #estimate} call. */
    public int iterations() {
        return iterations;
    }

    /**
     * Estimates a model from the counts, starting from {@code start}.
     *
     * @param fixU keep the starting u (e.g. estimated from random pairs) and estimate only m and λ
     */
    public FellegiSunterModel estimate(PatternCounts counts, FellegiSunterModel start, boolean fixU) {
        int fields = start.fields().size();
        double[][] m = new double[fields][];
        double[][] u = new double[fields][];
        for (int f = 0; f < fields; f++) {
            m[f] = new double[start.levels(f)];
            u[f] = new double[start.levels(f)];
            for (int l = 1; l < m[f].length; l++) {
                m[f][l] = start.m(f, l);
                u[f][l] = start.u(f, l);
            }
        }
        double lambda = start.lambda();
        int n = counts.size();
        double[] posterior = new double[n];
        iterations = 0;
        for (int it = 0; it < maxIterations; it++) {
            iterations = it + 1;
            // E-step, in logs so that sixteen small probabilities do not underflow
            double logPrior = Math.log(lambda) - Math.log(1 - lambda);
            for (int i = 0; i < n; i++) {
                long p = counts.pattern(i);
                double logRatio = logPrior;
                for (int f = 0; f < fields; f++) {
                    int l = ComparisonVector.level(p, f);
                    if (l != 0) {
                        logRatio += Math.log(FellegiSunterModel.clamp(m[f][l]))
                                - Math.log(FellegiSunterModel.clamp(u[f][l]));
                    }
                }
                posterior[i] = 1.0 / (1.0 + Math.exp(-logRatio));
            }
            // M-step
            double matches = 0;
            double total = 0;
            double[][] mSum = new double[fields][];
            double[][] uSum = new double[fields][];
            for (int f = 0; f < fields; f++) {
                mSum[f] = new double[m[f].length];
                uSum[f] = new double[m[f].length];
            }
            for (int i = 0; i < n; i++) {
                long p = counts.pattern(i);
                double c = counts.count(i);
                double g = posterior[i];
                matches += c * g;
                total += c;
                for (int f = 0; f < fields; f++) {
                    int l = ComparisonVector.level(p, f);
                    if (l != 0) {
                        mSum[f][l] += c * g;
                        uSum[f][l] += c * (1 - g);
                    }
                }
            }
            double change = Math.abs(matches / total - lambda);
            lambda = FellegiSunterModel.clamp(matches / total);
            for (int f = 0; f < fields; f++) {
                double mTotal = 0;
                double uTotal = 0;
                for (int l = 1; l < m[f].length; l++) {
                    mTotal += mSum[f][l];
                    uTotal += uSum[f][l];
                }
                for (int l = 1; l < m[f].length; l++) {
                    if (mTotal > 0) {
                        double v = mSum[f][l] / mTotal;
                        change = Math.max(change, Math.abs(v - m[f][l]));
                        m[f][l] = v;
                    }
                    if (!fixU && uTotal > 0) {
                        double v = uSum[f][l] / uTotal;
                        change = Math.max(change, Math.abs(v - u[f][l]));
                        u[f][l] = v;
                    }
                }
            }
            if (change < tolerance) {
                break;
            }
        }
        return new FellegiSunterModel(start.fields(), m, u, lambda);
    }

    /** Estimates only the prior λ, keeping m and u of {@code model} (a one-parameter EM). */
    public FellegiSunterModel estimateLambda(PatternCounts counts, FellegiSunterModel model) {
        double lambda = model.lambda();
        iterations = 0;
        double total = counts.total();
        for (int it = 0; it < maxIterations; it++) {
            iterations = it + 1;
            double logPrior = Math.log(lambda) - Math.log(1 - lambda);
            double matches = 0;
            for (int i = 0; i < counts.size(); i++) {
                double bits = model.weight(counts.pattern(i)) - model.priorBits();
                double g = 1.0 / (1.0 + Math.exp(-(logPrior + bits * Math.log(2))));
                matches += counts.count(i) * g;
            }
            double next = FellegiSunterModel.clamp(matches / total);
            boolean done = Math.abs(next - lambda) < tolerance;
            lambda = next;
            if (done) {
                break;
            }
        }
        return model.withLambda(lambda);
    }

    /**
     * A starting model: m falls from 0.9 at the first level, u rises towards the last level, λ = 0.1 — agreement is
     * assumed to be evidence for a match, which fixes which of EM's two classes is "match".
     */
    public static FellegiSunterModel startingModel(List<String> fields, int[] levelCounts) {
        double[][] m = new double[fields.size()][];
        double[][] u = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            int levels = levelCounts[f];
            m[f] = new double[levels];
            u[f] = new double[levels];
            int k = levels - 1;
            double mRest = 0.1 / Math.max(1, k - 1);
            for (int l = 1; l < levels; l++) {
                m[f][l] = l == 1 ? (k == 1 ? 1.0 : 0.9) : mRest;
                u[f][l] = l == levels - 1 ? 0.9 : 0.1 / Math.max(1, k - 1);
            }
            if (k == 1) {
                u[f][1] = 1.0;
            }
        }
        return new FellegiSunterModel(fields, m, u, 0.1);
    }
}
