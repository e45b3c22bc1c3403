package dev.banyan.server.share.internal;

import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code share.subscription} table. */
@Component
class SubscriptionStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, grant_id, service_code, resource_code, client_id, consumer_department_id,"
            + " owner_department_id, url, conditions::text as conditions, description, status, pause_reason, watermark,"
            + " created_by, created_at, updated_at";

    /** The secrets that sign a subscription's events now: the current one, and a rotated-out one while it lasts. */
    record Secrets(String current, String previous, Instant previousUntil) {

        List<String> signingAt(Instant now) {
            return previous != null && previousUntil != null && now.isBefore(previousUntil)
                    ? List.of(current, previous) : List.of(current);
        }
    }

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    long insert(Subscription s, String secret) {
        return jdbc.sql("""
                insert into share.subscription (grant_id, service_code, resource_code, client_id, consumer_department_id,
                    owner_department_id, url, conditions, description, secret, status, watermark, created_by, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'ACTIVE', ?, ?, ?, ?) returning id""")
                .params(s.grantId(), s.serviceCode(), s.resourceCode(), s.clientId(), s.consumerDepartmentId(),
                        s.ownerDepartmentId(), s.url(), JSON.writeValueAsString(s.conditions()), s.description(), secret,
                        s.watermark(), s.createdBy(), utc(s.createdAt()), utc(s.createdAt()))
                .query(Long.class).single();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from share.subscription where id = ?").param(id)
                .query(SubscriptionStore::map).optional();
    }

    /** Locks the subscription for this transaction; empty if another transaction holds it (or it is gone). */
    Optional<Subscription> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from share.subscription where id = ? for update skip locked").param(id)
                .query(SubscriptionStore::map).optional();
    }

    long lastSeq(long id) {
        return jdbc.sql("select last_seq from share.subscription where id = ?").param(id).query(Long.class).single();
    }

    List<Subscription> all() {
        return jdbc.sql("select " + COLUMNS + " from share.subscription order by id desc").query(SubscriptionStore::map).list();
    }

    /** Those of a consumer department or on a department's services. */
    List<Subscription> ofDepartment(long departmentId) {
        return jdbc.sql("select " + COLUMNS + " from share.subscription where consumer_department_id = ?"
                        + " or owner_department_id = ? order by id desc")
                .params(departmentId, departmentId).query(SubscriptionStore::map).list();
    }

    List<Subscription> ofClient(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from share.subscription where client_id = ? order by id desc")
                .param(clientId).query(SubscriptionStore::map).list();
    }

    /** Active subscriptions, and those paused for their grant or service, which resume by themselves. */
    List<Subscription> producing() {
        return jdbc.sql("select " + COLUMNS + " from share.subscription where status = 'ACTIVE'"
                        + " or pause_reason in ('GRANT_NOT_LIVE', 'SERVICE_RETIRED') order by id")
                .query(SubscriptionStore::map).list();
    }

    Secrets secrets(long id) {
        return jdbc.sql("select secret, previous_secret, previous_secret_until from share.subscription where id = ?")
                .param(id).query((rs, n) -> new Secrets(rs.getString(1), rs.getString(2), instant(rs, 3))).single();
    }

    void rotate(long id, String secret, Instant now, Instant previousUntil) {
        jdbc.sql("""
                update share.subscription set previous_secret = secret, previous_secret_until = ?, secret = ?, updated_at = ?
                where id = ?""").params(utc(previousUntil), secret, utc(now), id).update();
    }

    /** @return whether it changed (it was not already so) */
    boolean setStatus(long id, Subscription.Status status, Subscription.PauseReason reason, Instant now) {
        return jdbc.sql("""
                update share.subscription set status = ?, pause_reason = ?, updated_at = ?
                where id = ? and (status <> ? or pause_reason is distinct from ?)""")
                .params(status.name(), reason == null ? null : reason.name(), utc(now), id, status.name(),
                        reason == null ? null : reason.name())
                .update() > 0;
    }

    void advance(long id, long watermark, long lastSeq) {
        jdbc.sql("update share.subscription set watermark = ?, last_seq = ? where id = ?").params(watermark, lastSeq, id).update();
    }

    /**
     * The keys of the resource's rows at or below the watermark written since the subscription's last sweep (less the
     * lookback, never before the subscription was made), and marks the sweep done now — database time on both sides,
     * as {@code _updated_at} is. Empty if the resource has no STANDARD table.
     */
    List<String> sweep(long id, dev.banyan.server.ingest.StandardTableLayout layout, long watermark, java.time.Duration lookback) {
        List<String> keys = layout == null ? List.of() : jdbc.sql("select _key from " + layout.qualifiedName()
                        + " where _batch <= ? and _updated_at > (select greatest(sweep_from, swept_at - make_interval(secs => ?))"
                        + " from share.subscription where id = ?)")
                .params(watermark, (double) lookback.toSeconds(), id).query(String.class).list();
        jdbc.sql("update share.subscription set swept_at = now() where id = ?").param(id).update();
        return keys;
    }

    void delete(long id) {
        jdbc.sql("delete from share.subscription where id = ?").param(id).update();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("pause_reason");
        List<RowCondition> conditions = Arrays.asList(JSON.readValue(rs.getString("conditions"), RowCondition[].class));
        return new Subscription(rs.getLong("id"), rs.getLong("grant_id"), rs.getString("service_code"),
                rs.getString("resource_code"), rs.getString("client_id"), rs.getLong("consumer_department_id"),
                rs.getLong("owner_department_id"), rs.getString("url"), conditions, rs.getString("description"),
                Subscription.Status.valueOf(rs.getString("status")),
                reason == null ? null : Subscription.PauseReason.valueOf(reason), rs.getLong("watermark"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
