package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages to the people of a department about applications and grants (消息通知), kept in {@code share.notification}
 * and shown in the console until read: an application waiting for the owner's chief data officer, a decision for
 * the applicant's department, a grant revoked or about to expire.
 */
@Component
class Notifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One notification as the console shows it. */
    record Notification(long id, long departmentId, String role, String kind, String messageCode, Object[] arguments,
                        String link, Instant createdAt, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells a department (or one role in it, if not null). Arguments are strings or numbers. */
    void tell(long departmentId, Role role, String kind, String messageCode, String link, Object... arguments) {
        jdbc.sql("""
                insert into share.notification (department_id, role, kind, message_code, arguments, link, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(departmentId, role == null ? null : role.name(), kind, messageCode,
                        JSON.writeValueAsString(Arrays.asList(arguments)), link, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** The newest notifications for a person of this department with these roles. */
    List<Notification> forPerson(long departmentId, java.util.Set<Role> roles, int limit) {
        String[] names = roles.stream().map(Role::name).toArray(String[]::new);
        return jdbc.sql("""
                select id, department_id, role, kind, message_code, arguments::text, link, created_at, read_at
                from share.notification where department_id = ? and (role is null or role = any(?))
                order by created_at desc, id desc limit ?""")
                .params(departmentId, names, limit)
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        JSON.readValue(rs.getString(6), Object[].class), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    int unread(long departmentId, java.util.Set<Role> roles) {
        String[] names = roles.stream().map(Role::name).toArray(String[]::new);
        return jdbc.sql("select count(*) from share.notification where department_id = ? and (role is null or role = any(?)) and read_at is null")
                .params(departmentId, names).query(Integer.class).single();
    }

    void markRead(long departmentId, long id) {
        jdbc.sql("update share.notification set read_at = ? where id = ? and department_id = ? and read_at is null")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id, departmentId).update();
    }
}
