package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.UpdateCycle;
import java.time.Duration;
import java.time.Instant;

/**
 * Timeliness (及时性) of a batch against its resource's update cycle: 100 when it came within one cycle of the
 * previous batch (or is the first), otherwise the cycle's share of the actual gap — a monthly resource delivered after
 * two months scores 50. Irregular resources are always timely.
 */
final class Timeliness {

    private Timeliness() {
    }

    static double score(UpdateCycle cycle, Instant previous, Instant now) {
        Duration allowed = allowed(cycle);
        if (previous == null || allowed == null) {
            return 100;
        }
        Duration gap = Duration.between(previous, now);
        if (gap.compareTo(allowed) <= 0) {
            return 100;
        }
        return 100.0 * allowed.toSeconds() / gap.toSeconds();
    }

    /** One cycle, with a day's grace for the delivery itself; null for irregular resources. */
    static Duration allowed(UpdateCycle cycle) {
        if (cycle == null) {
            return null;
        }
        return switch (cycle) {
            case REAL_TIME, DAILY -> Duration.ofDays(2);
            case WEEKLY -> Duration.ofDays(8);
            case MONTHLY -> Duration.ofDays(32);
            case QUARTERLY -> Duration.ofDays(93);
            case HALF_YEARLY -> Duration.ofDays(184);
            case YEARLY -> Duration.ofDays(367);
            case IRREGULAR -> null;
        };
    }
}
