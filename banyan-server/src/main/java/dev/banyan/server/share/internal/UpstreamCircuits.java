package dev.banyan.server.share.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per proxy service (熔断): after so many consecutive failures of an upstream interface, calls fail
 * at once for a cool-down instead of each waiting for its timeout and piling up on a platform that is down; after the
 * cool-down, calls go through again, and the first failure opens the circuit anew while a success closes it.
 */
final class UpstreamCircuits {

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

    UpstreamCircuits(int threshold, Duration coolDown, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.coolDown = coolDown;
        this.clock = clock;
    }

    private static final class Circuit {
        int failures;
        Instant openUntil = Instant.MIN;
    }

    /** Seconds until calls to this service go upstream again; 0 when they go now. */
    long openFor(String serviceCode) {
        Circuit c = circuits.get(serviceCode);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            Instant now = clock.instant();
            return now.isBefore(c.openUntil) ? Math.max(1, Duration.between(now, c.openUntil).toSeconds()) : 0;
        }
    }

    void succeeded(String serviceCode) {
        Circuit c = circuits.get(serviceCode);
        if (c != null) {
            synchronized (c) {
                c.failures = 0;
                c.openUntil = Instant.MIN;
            }
        }
    }

    /** Counts a failure; returns whether the circuit is open now. */
    boolean failed(String serviceCode) {
        Circuit c = circuits.computeIfAbsent(serviceCode, k -> new Circuit());
        synchronized (c) {
            c.failures++;
            if (c.failures >= threshold) {
                c.openUntil = clock.instant().plus(coolDown);
                return true;
            }
            return false;
        }
    }
}
