package dev.banyan.linkage;

/**
 * A match weight (匹配权重): the log2 odds that a pair is a match, the sum of the prior's log odds and each field's
 * log2 Bayes factor m/u. Probability p and weight w relate by p = 2^w / (1 + 2^w).
 *
 * @param bits the weight in bits
 */
public record MatchWeight(double bits) {

    /** The weight of a probability; 0 and 1 map to ∓1024 bits rather than infinities. */
    public static MatchWeight ofProbability(double p) {
        if (p <= 0) {
            return new MatchWeight(-1024);
        }
        if (p >= 1) {
            return new MatchWeight(1024);
        }
        return new MatchWeight(Math.log(p / (1 - p)) / Math.log(2));
    }

    /** The match probability. */
    public double probability() {
        return 1.0 / (1.0 + Math.pow(2, -bits));
    }
}
