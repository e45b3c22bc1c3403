package dev.banyan.server.fuse;

import java.time.Instant;

/**
 * A pair in the clerical review queue (人工复核对): two records whose match probability fell between the auto-link and
 * the review thresholds. A data officer accepts (确认同一) or rejects (确认不同) it; the decision is kept for good and
 * passed to every later linkage run as a must-link or cannot-link.
 *
 * @param status      {@code OPEN}, {@code ACCEPTED} or {@code REJECTED}
 * @param explanation the comparison levels in words, e.g. {@code name=same pinyin birth=exact phone=missing}
 */
public record ReviewPair(EntityKind kind, String firstId, String secondId, double probability, String explanation,
                         String status, String decidedBy, Instant decidedAt, String comment) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
