package dev.banyan.server.audit;

import java.time.Instant;

/**
 * A search of the evidence log by what the auditor knows (检索条件); blank criteria match everything.
 *
 * @param type    exact type, or a prefix ending in {@code .} (e.g. {@code catalog.})
 * @param actor   exact actor
 * @param subject exact subject
 * @param from    recorded at or after
 * @param to      recorded before
 * @param before  only entries with a smaller index (for paging backwards from the newest), or null
 * @param limit   at most this many, newest first
 */
public record EntryQuery(String type, String actor, String subject, Instant from, Instant to, Long before, int limit) {

    public EntryQuery {
        limit = Math.clamp(limit, 1, 500);
    }

    public static EntryQuery latest(int limit) {
        return new EntryQuery(null, null, null, null, null, null, limit);
    }
}
