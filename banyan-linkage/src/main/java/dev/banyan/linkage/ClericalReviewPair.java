package dev.banyan.linkage;

/**
 * A pair for clerical review (人工复核对): its match probability fell between the review and the link thresholds and
 * its records ended in different clusters, so a data officer should look at them side by side and decide.
 *
 * @param firstId     the record with the smaller id
 * @param secondId    the other record
 * @param weight      the match weight
 * @param vector      the comparison levels
 * @param explanation the levels in words, e.g. {@code name=same pinyin birth=exact phone=missing}
 */
public record ClericalReviewPair(String firstId, String secondId, MatchWeight weight, ComparisonVector vector,
                                 String explanation) {
}
