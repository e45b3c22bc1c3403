package dev.banyan.server.share.internal;

import static dev.banyan.server.share.internal.SubscriptionStore.instant;
import static dev.banyan.server.share.internal.SubscriptionStore.utc;

import dev.banyan.server.share.SubscriptionEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of subscription events ({@code share.delivery}) and their attempts: events are inserted once per source
 * row (a second production of the same batch inserts nothing), claimed for sending in order per entity, and marked
 * with each attempt's outcome.
 */
@Component
class EventOutbox {

    private static final String COLUMNS = "id, subscription_id, entity_key, seq, source_batch, status, attempts,"
            + " next_attempt_at, last_status, last_error, delivered_at, created_at, payload::text as payload";

    /** An event to insert. */
    record NewEvent(String entityKey, long seq, long sourceBatch, long sourceRow, String payload) {
    }

    /** An event claimed for one attempt. */
    record Claimed(long id, long subscriptionId, String entityKey, long seq, int attempts, String payload) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EventOutbox(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts events in the caller's transaction, skipping rows already turned into events. */
    void insert(long subscriptionId, List<NewEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                insert into share.delivery (subscription_id, entity_key, seq, source_batch, source_row, payload, status,
                    next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?, ?) on conflict do nothing""", events, 500, (ps, e) -> {
            ps.setLong(1, subscriptionId);
            ps.setString(2, e.entityKey());
            ps.setLong(3, e.seq());
            ps.setLong(4, e.sourceBatch());
            ps.setLong(5, e.sourceRow());
            ps.setString(6, e.payload());
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
        });
    }

    /** Events of the subscription after a sequence number (the batch driver does not say how many rows it inserted). */
    int countAfter(long subscriptionId, long seq) {
        return jdbc.sql("select count(*) from share.delivery where subscription_id = ? and seq > ?").params(subscriptionId, seq)
                .query(Integer.class).single();
    }

    /**
     * Claims events due for an attempt: pending, due, of an active subscription, and the first undelivered event of
     * their entity — so an entity's events go out one after the other while different entities go in parallel. The
     * claim is a lease (the event's next attempt moved to {@code leaseUntil}), so an event whose sender crashed is
     * tried again once it runs out, and two nodes never send the same event at once.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                update share.delivery d set next_attempt_at = :lease
                where d.id in (
                    select c.id from share.delivery c join share.subscription s on s.id = c.subscription_id
                    where c.status = 'PENDING' and c.next_attempt_at <= :now and s.status = 'ACTIVE'
                      and not exists (select 1 from share.delivery e where e.subscription_id = c.subscription_id
                                      and e.entity_key = c.entity_key and e.seq < c.seq and e.status in ('PENDING', 'FAILED'))
                    order by c.next_attempt_at, c.id limit :limit
                    for update of c skip locked)
                returning d.id, d.subscription_id, d.entity_key, d.seq, d.attempts, d.payload::text""")
                .param("lease", utc(leaseUntil)).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getString(6)))
                .list();
    }

    /** An attempt and its outcome: the event becomes {@code status}, to be tried again at {@code next}. */
    record Attempt(long id, int attempt, Instant at, Integer httpStatus, String error, long millis,
                   SubscriptionEvent.Status status, Instant next) {
    }

    /** Records attempts in the caller's transaction (one round's, batched: a commit per event would be the bottleneck). */
    void attempted(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                update share.delivery set attempts = ?, status = ?, last_status = ?, last_error = ?, next_attempt_at = ?,
                    delivered_at = case when ? = 'DELIVERED' then ? else delivered_at end
                where id = ?""", attempts, 500, (ps, a) -> {
            ps.setInt(1, a.attempt());
            ps.setString(2, a.status().name());
            ps.setObject(3, a.httpStatus(), java.sql.Types.INTEGER);
            ps.setString(4, a.error());
            ps.setTimestamp(5, Timestamp.from(a.next()));
            ps.setString(6, a.status().name());
            ps.setTimestamp(7, Timestamp.from(a.at()));
            ps.setLong(8, a.id());
        });
        // an event may have gone with its subscription while it was being sent: then there is nothing to record
        template.batchUpdate("""
                insert into share.delivery_attempt (delivery_id, attempt, at, http_status, error, duration_ms)
                select id, ?, ?, ?, ?, ? from share.delivery where id = ?""", attempts, 500, (ps, a) -> {
            ps.setInt(1, a.attempt());
            ps.setTimestamp(2, Timestamp.from(a.at()));
            ps.setObject(3, a.httpStatus(), java.sql.Types.INTEGER);
            ps.setString(4, a.error());
            ps.setInt(5, (int) Math.min(Integer.MAX_VALUE, a.millis()));
            ps.setLong(6, a.id());
        });
    }

    /** Gives a claimed event back without an attempt (its subscription's grant ended meanwhile). */
    void release(long id, Instant now) {
        jdbc.sql("update share.delivery set next_attempt_at = ? where id = ? and status = 'PENDING'").params(utc(now), id).update();
    }

    /** Sends events again from their first attempt: one, or all with a status, or those made in a time range. */
    int requeue(long subscriptionId, Long eventId, SubscriptionEvent.Status status, Instant from, Instant to, Instant now) {
        StringBuilder sql = new StringBuilder("update share.delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " delivered_at = null where subscription_id = ?");
        List<Object> params = new ArrayList<>(List.of(utc(now), subscriptionId));
        if (eventId != null) {
            sql.append(" and id = ?");
            params.add(eventId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (from != null) {
            sql.append(" and created_at >= ? and created_at < ?");
            params.add(utc(from));
            params.add(utc(to));
        }
        return jdbc.sql(sql.toString()).params(params).update();
    }

    int skip(long subscriptionId, long eventId, Instant now) {
        return jdbc.sql("update share.delivery set status = 'SKIPPED', next_attempt_at = ? where subscription_id = ? and id = ?"
                        + " and status = 'FAILED'")
                .params(utc(now), subscriptionId, eventId).update();
    }

    List<SubscriptionEvent> events(long subscriptionId, SubscriptionEvent.Status status, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from share.delivery where subscription_id = ?"
                        + (status == null ? "" : " and status = '" + status.name() + "'")
                        + " order by seq desc offset ? limit ?")
                .params(subscriptionId, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)))
                .query(EventOutbox::map).list();
    }

    java.util.Optional<SubscriptionEvent> event(long subscriptionId, long eventId) {
        return jdbc.sql("select " + COLUMNS + " from share.delivery where subscription_id = ? and id = ?")
                .params(subscriptionId, eventId).query(EventOutbox::map).optional();
    }

    Map<SubscriptionEvent.Status, Long> counts(long subscriptionId) {
        Map<SubscriptionEvent.Status, Long> counts = new EnumMap<>(SubscriptionEvent.Status.class);
        for (SubscriptionEvent.Status s : SubscriptionEvent.Status.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from share.delivery where subscription_id = ? group by status").param(subscriptionId)
                .query((rs, n) -> counts.put(SubscriptionEvent.Status.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private static SubscriptionEvent map(ResultSet rs, int row) throws SQLException {
        return new SubscriptionEvent(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("entity_key"),
                rs.getLong("seq"), rs.getLong("source_batch"), SubscriptionEvent.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, rs.findColumn("next_attempt_at")),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                instant(rs, rs.findColumn("delivered_at")), instant(rs, rs.findColumn("created_at")), rs.getString("payload"));
    }
}
