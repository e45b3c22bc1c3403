package dev.banyan.linkage;

/**
 * The decision bands (判定阈值) on the match probability of a pair: at or above {@code link} the pair is linked
 * automatically (自动链接), at or above {@code review} it goes to clerical review (人工复核), below it is a non-link.
 *
 * @param link   the auto-link probability, e.g. 0.95
 * @param review the clerical-review probability, e.g. 0.5; at most {@code link}
 */
public record Thresholds(double link, double review) {

    public Thresholds {
        if (!(review >= 0 && review <= link && link <= 1)) {
            throw new IllegalArgumentException("need 0 <= review <= link <= 1: review " + review + ", link " + link);
        }
    }

    /** 0.95 to link, 0.5 to review. */
    public static Thresholds standard() {
        return new Thresholds(0.95, 0.5);
    }

    /** The match weight (log2 odds) of the link threshold. */
    public double linkWeight() {
        return MatchWeight.ofProbability(link).bits();
    }

    /** The match weight (log2 odds) of the review threshold. */
    public double reviewWeight() {
        return MatchWeight.ofProbability(review).bits();
    }
}
