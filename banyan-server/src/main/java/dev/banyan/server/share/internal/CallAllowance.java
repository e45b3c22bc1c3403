package dev.banyan.server.share.internal;

import dev.banyan.server.share.Grant;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;

/**
 * A grant's allowance of calls (配额与限流): its rate per second (a Bucket4j token bucket) and its daily quota
 * (counted per day in China Standard Time, starting from the calls already logged today, so that a restart does not
 * reset it). A call over either is refused with 429 and how long to wait. Counted per node: with several nodes the
 * allowance is per node, which the administrator sets grants for accordingly (ADR 0010).
 */
final class CallAllowance {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private record Key(long grantId, int rate) {
    }

    private record DailyKey(long grantId, LocalDate day) {
    }

    private final Clock clock;
    private final ToIntBiFunction<Long, LocalDate> loggedToday;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<DailyKey, AtomicInteger> daily = new ConcurrentHashMap<>();

    /**
     * @param loggedToday the calls of a grant served on a day so far, from the call log
     */
    CallAllowance(Clock clock, ToIntBiFunction<Long, LocalDate> loggedToday) {
        this.clock = clock;
        this.loggedToday = loggedToday;
    }

    /**
     * Takes one call from the grant's allowance.
     *
     * @throws GatewayRefusal 429 with Retry-After when the rate or the daily quota is used up
     */
    void take(Grant grant) {
        Bucket bucket = buckets.computeIfAbsent(new Key(grant.id(), grant.ratePerSecond()), k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(k.rate()).refillGreedy(k.rate(), Duration.ofSeconds(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new GatewayRefusal(429, "RATE_LIMITED", seconds, "share.refusal.rate", grant.ratePerSecond());
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        AtomicInteger used = daily.computeIfAbsent(new DailyKey(grant.id(), today),
                k -> new AtomicInteger(loggedToday.applyAsInt(k.grantId(), k.day())));
        if (used.incrementAndGet() > grant.dailyQuota()) {
            used.decrementAndGet();
            long seconds = Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(CHINA).toInstant()).toSeconds() + 1;
            throw new GatewayRefusal(429, "QUOTA_EXCEEDED", seconds, "share.refusal.quota", grant.dailyQuota());
        }
        if (daily.size() > 100_000) {
            daily.keySet().removeIf(k -> k.day().isBefore(today));
        }
    }

    /** Gives back a call that was taken but not served (the service failed or refused it). */
    void giveBack(Grant grant) {
        AtomicInteger used = daily.get(new DailyKey(grant.id(), LocalDate.now(clock.withZone(CHINA))));
        if (used != null) {
            used.decrementAndGet();
        }
    }
}
