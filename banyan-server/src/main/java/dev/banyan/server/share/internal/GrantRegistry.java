package dev.banyan.server.share.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.RowCondition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grants ({@link Grants}) in {@code share.access_grant}. What a client may call is cached for a few seconds per
 * node, so that the gateway does not query per call; a revocation on this node takes effect at once, on another
 * node within {@link #CACHE_TTL}.
 */
@Service
class GrantRegistry implements Grants {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, application_id, service_code, client_id, consumer_department_id, purpose, "
            + "fields, row_scope::text as row_scope, daily_quota, rate_per_second, starts_at, expires_at, status, revoked_by, "
            + "revoked_at, revoke_reason, created_by, created_at";

    private final JdbcClient jdbc;
    private final DataServices services;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final Map<String, Cached> live = new ConcurrentHashMap<>();

    private record Cached(Optional<Grant> grant, Instant loadedAt) {
    }

    /** What a new grant carries. */
    record Terms(String serviceCode, String clientId, long consumerDepartmentId, String purpose, Set<String> fields,
                 List<RowCondition> rowScope, int dailyQuota, int ratePerSecond, Duration duration) {
    }

    GrantRegistry(JdbcClient jdbc, DataServices services, EvidenceLog evidence, Clock clock) {
        this.jdbc = jdbc;
        this.services = services;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Makes a grant, for an approved application or (applicationId null) directly by the administrator. */
    @Transactional
    Grant create(Long applicationId, Terms t, String actor) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into share.access_grant (application_id, service_code, client_id, consumer_department_id, purpose, fields,
                    row_scope, daily_quota, rate_per_second, starts_at, expires_at, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'ACTIVE', ?, ?) returning id""")
                .params(applicationId, t.serviceCode(), t.clientId(), t.consumerDepartmentId(), t.purpose(),
                        t.fields().toArray(String[]::new), JSON.writeValueAsString(t.rowScope()), t.dailyQuota(),
                        t.ratePerSecond(), utc(now), utc(now.plus(t.duration())), actor, utc(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("service", t.serviceCode());
        payload.put("client", t.clientId());
        payload.put("fields", List.copyOf(new java.util.TreeSet<>(t.fields())));
        payload.put("rowScope", JSON.writeValueAsString(t.rowScope()));
        payload.put("dailyQuota", t.dailyQuota());
        payload.put("ratePerSecond", t.ratePerSecond());
        payload.put("expiresAt", now.plus(t.duration()).toString());
        if (applicationId != null) {
            payload.put("application", applicationId);
        }
        evidence.record(Evidence.of("share.grant.made", actor.contains(":") ? actor : "user:" + actor, "grant:" + id, payload));
        live.remove(key(t.clientId(), t.serviceCode()));
        return get(id);
    }

    @Override
    public Optional<Grant> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from share.access_grant where id = ?").param(id).query(GrantRegistry::map).optional();
    }

    private Grant get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("share.error.grant.notFound", id));
    }

    @Override
    public Optional<Grant> live(String clientId, String serviceCode) {
        Instant now = clock.instant();
        String key = key(clientId, serviceCode);
        Cached c = live.get(key);
        if (c == null || c.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            c = new Cached(jdbc.sql("select " + COLUMNS + """
                     from share.access_grant where client_id = ? and service_code = ? and status = 'ACTIVE'
                    order by expires_at desc limit 1""").params(clientId, serviceCode).query(GrantRegistry::map).optional(), now);
            live.put(key, c);
        }
        return c.grant().filter(g -> g.liveAt(now));
    }

    @Override
    public List<Grant> ofDepartment(long departmentId) {
        return jdbc.sql("select " + COLUMNS + """
                 from share.access_grant g where consumer_department_id = :d
                   or service_code in (select code from share.service where owner_department_id = :d)
                order by id desc""").param("d", departmentId).query(GrantRegistry::map).list();
    }

    @Override
    public List<Grant> all(int limit) {
        return jdbc.sql("select " + COLUMNS + " from share.access_grant order by id desc limit ?").param(limit)
                .query(GrantRegistry::map).list();
    }

    @Override
    @Transactional
    public Grant revoke(long grantId, UserAccount actor, String reason) {
        Grant g = get(grantId);
        requireMayChange(g, actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "share.error.reasonRequired");
        }
        if (g.status() == Grant.Status.REVOKED) {
            throw new InvalidInputException("grant", "share.error.grant.revoked", grantId);
        }
        jdbc.sql("update share.access_grant set status = 'REVOKED', revoked_by = ?, revoked_at = ?, revoke_reason = ? where id = ?")
                .params(actor.username(), utc(clock.instant()), reason.strip(), grantId).update();
        evidence.record(Evidence.of("share.grant.revoked", "user:" + actor.username(), "grant:" + grantId,
                Map.of("service", g.serviceCode(), "client", g.clientId(), "reason", reason.strip())));
        live.remove(key(g.clientId(), g.serviceCode()));
        return get(grantId);
    }

    @Override
    @Transactional
    public Grant renew(long grantId, UserAccount actor, int days) {
        Grant g = get(grantId);
        requireMayChange(g, actor);
        if (g.status() == Grant.Status.REVOKED) {
            throw new InvalidInputException("grant", "share.error.grant.revoked", grantId);
        }
        if (days < 1 || days > 1095) {
            throw new InvalidInputException("days", "share.error.grant.days", 1, 1095);
        }
        Instant from = g.expiresAt().isAfter(clock.instant()) ? g.expiresAt() : clock.instant();
        Instant until = from.plus(Duration.ofDays(days));
        jdbc.sql("update share.access_grant set expires_at = ? where id = ?").params(utc(until), grantId).update();
        evidence.record(Evidence.of("share.grant.renewed", "user:" + actor.username(), "grant:" + grantId,
                Map.of("service", g.serviceCode(), "client", g.clientId(), "expiresAt", until.toString())));
        live.remove(key(g.clientId(), g.serviceCode()));
        return get(grantId);
    }

    /**
     * Whether a person may revoke or renew a grant: the owner's staff, the consumer's chief data officer, or the
     * administrator. The console asks this to offer the buttons; revoke and renew enforce it.
     */
    boolean mayChange(Grant g, UserAccount actor) {
        if (actor.has(Role.PLATFORM_ADMIN)) {
            return true;
        }
        Long dept = actor.departmentId();
        boolean consumerCdo = dept != null && dept == g.consumerDepartmentId() && actor.has(Role.CHIEF_DATA_OFFICER);
        boolean owner = dept != null && services.current(g.serviceCode()).map(s -> s.ownerDepartmentId() == dept).orElse(false);
        return consumerCdo || owner;
    }

    private void requireMayChange(Grant g, UserAccount actor) {
        if (!mayChange(g, actor)) {
            throw new InvalidInputException("grant", "share.error.grant.notYours", g.id());
        }
    }

    private static String key(String clientId, String serviceCode) {
        return clientId + "\n" + serviceCode;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Grant map(ResultSet rs, int row) throws SQLException {
        List<RowCondition> scope = JSON.readValue(rs.getString("row_scope"), new TypeReference<List<RowCondition>>() { });
        long app = rs.getLong("application_id");
        Long applicationId = rs.wasNull() ? null : app;
        return new Grant(rs.getLong("id"), applicationId, rs.getString("service_code"), rs.getString("client_id"),
                rs.getLong("consumer_department_id"), rs.getString("purpose"),
                new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray("fields").getArray())), scope,
                rs.getInt("daily_quota"), rs.getInt("rate_per_second"), instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("expires_at")), Grant.Status.valueOf(rs.getString("status")), rs.getString("revoked_by"),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoke_reason"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
