package dev.banyan.server.identity;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;

import dev.banyan.server.identity.internal.GeneratedPassword;
import dev.banyan.server.platform.InputProblems;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's console accounts (用户账号): creation and changes, disabling, passwords, lookup, and the lockout after
 * repeated failed logins.
 */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private static final String COLUMNS =
            "id, username, display_name, department_id, roles, enabled, failed_logins, locked_until, last_login_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginPolicy policy;
    private final DepartmentDirectory departments;
    private final EvidenceLog evidence;
    private final Clock clock;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, LoginPolicy policy,
                        DepartmentDirectory departments, EvidenceLog evidence, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.departments = departments;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Who is accountable for an account change: a person, or the platform itself (first start, demo). */
    private void record(String type, String actor, String username, Map<String, ?> payload) {
        evidence.record(Evidence.of(type, actor == null ? "system" : "user:" + actor, "user:" + username, payload));
    }

    private Map<String, Object> place(UserChange c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("displayName", c.displayName());
        if (c.departmentId() != null) {
            map.put("department", departments.get(c.departmentId()).code());
        }
        map.put("roles", c.roles().stream().map(Role::name).sorted().toList());
        return map;
    }

    /**
     * Creates an account with a hashed password.
     *
     * @throws InvalidInputException naming the first field at fault; nothing is stored then
     */
    @Transactional
    public UserAccount create(NewUser u) {
        return create(null, u);
    }

    /**
     * Creates an account as {@link #create(NewUser)}, on the record as done by {@code actor} (an administrator's
     * username; null for the platform itself).
     */
    @Transactional
    public UserAccount create(String actor, NewUser u) {
        if (u.username() == null || !u.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInputException("username", "error.user.username.format");
        }
        if (u.displayName() == null || u.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "error.required");
        }
        checkPassword(u.password());
        InputProblems problems = new InputProblems();
        checkPlace(problems, u.departmentId(), u.roles());
        problems.throwIfAny();
        if (findByUsername(u.username()).isPresent()) {
            throw new InvalidInputException("username", "error.user.username.taken", u.username());
        }
        long id = jdbc.sql("""
                insert into identity.user_account (username, display_name, password_hash, department_id, roles)
                values (?, ?, ?, ?, ?) returning id""")
                .params(u.username(), u.displayName().strip(), passwords.encode(u.password()), u.departmentId(),
                        u.roles().stream().map(Role::name).sorted().toArray(String[]::new))
                .query(Long.class).single();
        UserAccount created = get(id);
        record("identity.user.created", actor, created.username(), place(UserChange.of(created)));
        return created;
    }

    /** Roles are required; department staff belong to an existing department. */
    private void checkPlace(InputProblems problems, Long departmentId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            problems.add("roles", "error.user.roles.required");
        } else {
            boolean platformWide = roles.contains(Role.PLATFORM_ADMIN) || roles.contains(Role.AUDITOR)
                    || roles.contains(Role.HOTLINE_AGENT);
            if (departmentId == null && !platformWide) {
                problems.add("departmentId", "error.user.department.required");
            }
        }
        if (departmentId != null && departments.find(departmentId).isEmpty()) {
            problems.add("departmentId", "error.department.parent.unknown", departmentId);
        }
    }

    /**
     * Changes an account's display name, department and roles (platform administrator). The platform keeps at
     * least one enabled administrator, and administrators cannot take the role from themselves.
     *
     * @param actor the username of the administrator making the change
     * @throws InvalidInputException naming every field at fault; nothing is changed then
     */
    @Transactional
    public UserAccount update(String actor, long id, UserChange c) {
        UserAccount current = get(id);
        InputProblems problems = new InputProblems();
        if (c.displayName() == null || c.displayName().isBlank()) {
            problems.add("displayName", "error.required");
        }
        checkPlace(problems, c.departmentId(), c.roles());
        if (current.has(Role.PLATFORM_ADMIN) && c.roles() != null && !c.roles().contains(Role.PLATFORM_ADMIN)) {
            if (current.username().equals(actor)) {
                problems.add("roles", "error.user.self.admin");
            } else if (current.enabled() && enabledAdministrators() <= 1) {
                problems.add("roles", "error.user.lastAdmin");
            }
        }
        problems.throwIfAny();
        jdbc.sql("update identity.user_account set display_name = ?, department_id = ?, roles = ? where id = ?")
                .params(c.displayName().strip(), c.departmentId(), c.roles().stream().map(Role::name).sorted().toArray(String[]::new), id)
                .update();
        UserAccount updated = get(id);
        log.info("Account {} changed by {}: {} -> {}", current.username(), actor, UserChange.of(current), UserChange.of(updated));
        record("identity.user.changed", actor, current.username(),
                Map.of("before", place(UserChange.of(current)), "after", place(UserChange.of(updated))));
        return updated;
    }

    /**
     * Disables an account (platform administrator): it can no longer sign in, and a session it has open ends at
     * its next request. Not one's own account, nor the last enabled administrator.
     */
    @Transactional
    public UserAccount disable(String actor, long id) {
        UserAccount current = get(id);
        if (current.username().equals(actor)) {
            throw new InvalidInputException("enabled", "error.user.self.disable");
        }
        if (current.enabled() && current.has(Role.PLATFORM_ADMIN) && enabledAdministrators() <= 1) {
            throw new InvalidInputException("enabled", "error.user.lastAdmin");
        }
        jdbc.sql("update identity.user_account set enabled = false where id = ?").param(id).update();
        log.info("Account {} disabled by {}", current.username(), actor);
        record("identity.user.disabled", actor, current.username(), Map.of());
        return get(id);
    }

    /** Enables a disabled account again (platform administrator). */
    @Transactional
    public UserAccount enable(String actor, long id) {
        UserAccount current = get(id);
        jdbc.sql("update identity.user_account set enabled = true where id = ?").param(id).update();
        log.info("Account {} enabled by {}", current.username(), actor);
        record("identity.user.enabled", actor, current.username(), Map.of());
        return get(id);
    }

    /** Whether the account may use the console: it exists and is not disabled. */
    public boolean isEnabled(String username) {
        return jdbc.sql("select enabled from identity.user_account where username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * Gives an account a new random password (platform administrator), to be handed to its owner; it also lifts a
     * lockout. Banyan keeps only its hash: the returned password is the only copy.
     */
    @Transactional
    public String resetPassword(String actor, long id) {
        String password = GeneratedPassword.next();
        setPassword(actor, id, password);
        return password;
    }

    /**
     * Sets an account's password (platform administrator); it also lifts a lockout.
     *
     * @throws InvalidInputException when the password is too short or weak; nothing is changed then
     */
    @Transactional
    public void setPassword(String actor, long id, String password) {
        UserAccount current = get(id);
        checkPassword(password);
        jdbc.sql("update identity.user_account set password_hash = ?, failed_logins = 0, locked_until = null where id = ?")
                .params(passwords.encode(password), id).update();
        log.info("Password of account {} set by {}", current.username(), actor);
        record("identity.user.password-set", actor, current.username(), Map.of());
    }

    /**
     * A person changes their own password, giving the current one. A wrong current password counts as a failed
     * sign-in, so that an open session cannot be used to guess it.
     *
     * @throws InvalidInputException naming {@code currentPassword} or {@code newPassword}; nothing is changed then
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        String hash = passwordHash(username).orElseThrow(() -> new NotFoundException("error.user.notFound", username));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            recordFailedLogin(username);
            throw new InvalidInputException("currentPassword", "error.user.password.current");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("newPassword", "error.user.password.same");
        }
        try {
            checkPassword(newPassword);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("newPassword", e.messageCode(), e.arguments());
        }
        jdbc.sql("update identity.user_account set password_hash = ? where username = ?")
                .params(passwords.encode(newPassword), username).update();
        log.info("Account {} changed its own password", username);
        record("identity.user.password-changed", username, username, Map.of());
    }

    /**
     * Whether this is the account's current password — for a printout such as the demo's list of logins, not for
     * signing in (it counts no failure and ignores lockout and disabling).
     */
    public boolean passwordIs(String username, String password) {
        return password != null && passwordHash(username).map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    /** The shortest password accepted, for forms to say so. */
    public int minPasswordLength() {
        return policy.minPasswordLength();
    }

    private int enabledAdministrators() {
        return jdbc.sql("select count(*) from identity.user_account where enabled and ? = any(roles)")
                .param(Role.PLATFORM_ADMIN.name()).query(Integer.class).single();
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
