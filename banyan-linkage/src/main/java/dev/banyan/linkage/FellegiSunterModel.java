package dev.banyan.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Fellegi–Sunter model (Fellegi–Sunter 概率匹配模型): for each field and agreement level, m = P(level | match) and
 * u = P(level | non-match), and the prior λ = P(match) among the compared pairs. A pair's match weight is
 * log2(λ/(1−λ)) + Σ log2(m/u) over the fields that are not missing. Probabilities are kept within
 * [{@value #FLOOR}, 1 − {@value #FLOOR}] so that no single field gives infinite evidence.
 */
public final class FellegiSunterModel {

    /** The smallest m or u; a level never seen still gets a finite weight. */
    public static final double FLOOR = 1e-6;

    private final List<String> fields;
    private final double[][] m;
    private final double[][] u;
    private final double lambda;
    private final double[][] bits;

    /**
     * @param fields field names
     * @param m      m[field][level]; level 0 (missing) is ignored
     * @param u      u[field][level]
     * @param lambda prior probability of a match among the compared pairs
     */
    public FellegiSunterModel(List<String> fields, double[][] m, double[][] u, double lambda) {
        if (m.length != fields.size() || u.length != fields.size()) {
            throw new IllegalArgumentException("m and u need one row per field");
        }
        this.fields = List.copyOf(fields);
        this.m = deepCopy(m);
        this.u = deepCopy(u);
        this.lambda = clamp(lambda);
        this.bits = new double[m.length][];
        for (int f = 0; f < m.length; f++) {
            bits[f] = new double[m[f].length];
            for (int l = 1; l < m[f].length; l++) {
                bits[f][l] = log2(clamp(m[f][l]) / clamp(u[f][l]));
            }
        }
    }

    public List<String> fields() {
        return fields;
    }

    public double m(int field, int level) {
        return m[field][level];
    }

    public double u(int field, int level) {
        return u[field][level];
    }

    public double lambda() {
        return lambda;
    }

    /** The number of levels (including missing) of a field. */
    public int levels(int field) {
        return m[field].length;
    }

    /** A copy with another prior. */
    public FellegiSunterModel withLambda(double prior) {
        return new FellegiSunterModel(fields, m, u, prior);
    }

    /** log2(m/u) of a field at a level; 0 for the missing level. */
    public double bayesFactorBits(int field, int level) {
        return level == 0 ? 0 : bits[field][level];
    }

    /** The prior's log odds, log2(λ/(1−λ)). */
    public double priorBits() {
        return log2(lambda / (1 - lambda));
    }

    /** The match weight of a packed comparison vector. */
    public double weight(long packed) {
        double w = priorBits();
        for (int f = 0; f < bits.length; f++) {
            int level = ComparisonVector.level(packed, f);
            if (level != 0) {
                w += bits[f][level];
            }
        }
        return w;
    }

    /** The model as a table, one line per field and level: m, u and the Bayes factor in bits. */
    public String describe(List<List<String>> labels) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "prior λ = %.5f (%.2f bits)", lambda, priorBits()));
        for (int f = 0; f < fields.size(); f++) {
            for (int l = 1; l < m[f].length; l++) {
                String label = labels == null ? "level " + l : labels.get(f).get(l);
                lines.add(String.format(Locale.ROOT, "%-14s %-22s m=%.4f u=%.6f %+7.2f bits", fields.get(f), label,
                        m[f][l], u[f][l], bits[f][l]));
            }
        }
        return String.join("\n", lines);
    }

    static double clamp(double p) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, p));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
