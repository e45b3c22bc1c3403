package dev.banyan.server.identity;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's console accounts (用户账号): creation, lookup, and the lockout after repeated failed logins. */
@Service
public class UserAccounts {

    private static final String COLUMNS =
            "id, username, display_name, department_id, roles, enabled, failed_logins, locked_until, last_login_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginPolicy policy;
    private final DepartmentDirectory departments;
    private final Clock clock;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, LoginPolicy policy,
                        DepartmentDirectory departments, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.departments = departments;
        this.clock = clock;
    }

    /**
     * Creates an account with a hashed password.
     *
     * @throws InvalidInputException naming the first field at fault; nothing is stored then
     */
    @Transactional
    public UserAccount create(NewUser u) {
        if (u.username() == null || !u.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInputException("username", "error.user.username.format");
        }
        if (u.displayName() == null || u.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "error.required");
        }
        checkPassword(u.password());
        if (u.roles() == null || u.roles().isEmpty()) {
            throw new InvalidInputException("roles", "error.user.roles.required");
        }
        boolean platformWide = u.roles().contains(Role.PLATFORM_ADMIN) || u.roles().contains(Role.AUDITOR)
                || u.roles().contains(Role.HOTLINE_AGENT);
        if (u.departmentId() == null && !platformWide) {
            throw new InvalidInputException("departmentId", "error.user.department.required");
        }
        if (u.departmentId() != null && departments.find(u.departmentId()).isEmpty()) {
            throw new InvalidInputException("departmentId", "error.department.parent.unknown", u.departmentId());
        }
        if (findByUsername(u.username()).isPresent()) {
            throw new InvalidInputException("username", "error.user.username.taken", u.username());
        }
        long id = jdbc.sql("""
                insert into identity.user_account (username, display_name, password_hash, department_id, roles)
                values (?, ?, ?, ?, ?) returning id""")
                .params(u.username(), u.displayName().strip(), passwords.encode(u.password()), u.departmentId(),
                        u.roles().stream().map(Role::name).sorted().toArray(String[]::new))
                .query(Long.class).single();
        return get(id);
    }

    private void checkPassword(String password) {
        if (password == null || password.length() < policy.minPasswordLength()) {
            throw new InvalidInputException("password", "error.user.password.short", policy.minPasswordLength());
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new InvalidInputException("password", "error.user.password.weak");
        }
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from identity.user_account where username = ?").param(username)
                .query(UserAccounts::map).optional();
    }

    public UserAccount get(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.user_account where id = ?").param(id)
                .query(UserAccounts::map).optional()
                .orElseThrow(() -> new NotFoundException("error.user.notFound", id));
    }

    public List<UserAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from identity.user_account order by id").query(UserAccounts::map).list();
    }

    public int count() {
        return jdbc.sql("select count(*) from identity.user_account").query(Integer.class).single();
    }

    /** The stored password hash, for the login check only. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from identity.user_account where username = ?").param(username)
                .query(String.class).optional();
    }

    /** Counts a failed login; the failure that reaches the policy's limit locks the account. */
    @Transactional
    public void recordFailedLogin(String username) {
        Instant now = clock.instant();
        jdbc.sql("""
                update identity.user_account
                   set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                 where username = ?""")
                .params(policy.maxFailures(), OffsetDateTime.ofInstant(now.plus(policy.lockDuration()), ZoneOffset.UTC),
                        username)
                .update();
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update identity.user_account set failed_logins = 0, locked_until = null, last_login_at = ? where username = ?")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), username)
                .update();
    }

    /** Lets a locked account log in again at once (platform administrator only). */
    @Transactional
    public void unlock(long id) {
        if (jdbc.sql("update identity.user_account set failed_logins = 0, locked_until = null where id = ?")
                .param(id).update() == 0) {
            throw new NotFoundException("error.user.notFound", id);
        }
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).forEach(roleSet::add);
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("department_id", Long.class), Set.copyOf(roleSet), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), DepartmentDirectory.instant(rs, "locked_until"),
                DepartmentDirectory.instant(rs, "last_login_at"));
    }
}
