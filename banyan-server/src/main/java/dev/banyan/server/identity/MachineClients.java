package dev.banyan.server.identity;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments' applications that call Banyan (接入应用): registration with a secret shown once, and
 * revocation, which also refuses every access token the client still holds.
 */
@Service
public class MachineClients {

    private static final String COLUMNS =
            "id, client_id, name, department_id, scopes, status, created_by, created_at, revoked_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final DepartmentDirectory departments;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public MachineClients(JdbcClient jdbc, PasswordEncoder passwords, DepartmentDirectory departments, EvidenceLog evidence,
                          Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.departments = departments;
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * Registers an application of a department and returns its secret, which is not stored in clear. The
     * registrant may only register for their own department (administrators for any) and only grant the scopes
     * their roles allow ({@link ApiScopes#grantableBy}).
     *
     * @throws InvalidInputException naming the first field at fault; nothing is stored then
     */
    @Transactional
    public RegisteredMachineClient register(long departmentId, String name, Set<String> scopes, UserAccount registrant) {
        Department department = departments.find(departmentId)
                .orElseThrow(() -> new InvalidInputException("departmentId", "error.department.parent.unknown", departmentId));
        if (!registrant.has(Role.PLATFORM_ADMIN)
                && (registrant.departmentId() == null || registrant.departmentId() != departmentId)) {
            throw new InvalidInputException("departmentId", "error.client.otherDepartment");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "error.client.name.required");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "error.client.scopes.required");
        }
        Set<String> grantable = ApiScopes.grantableBy(registrant.roles());
        for (String scope : new TreeSet<>(scopes)) {
            if (!ApiScopes.ALL.contains(scope)) {
                throw new InvalidInputException("scopes", "error.client.scope.unknown", scope, String.join(", ", new TreeSet<>(ApiScopes.ALL)));
            }
            if (!grantable.contains(scope)) {
                throw new InvalidInputException("scopes", "error.client.scope.notGrantable", scope, String.join(", ", grantable));
            }
        }
        String clientId = department.code() + "-" + HexFormat.of().formatHex(randomBytes(4));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        long id = jdbc.sql("""
                insert into identity.machine_client (client_id, secret_hash, name, department_id, scopes, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(clientId, passwords.encode(secret), name.strip(), departmentId,
                        new TreeSet<>(scopes).toArray(String[]::new), registrant.username())
                .query(Long.class).single();
        evidence.record(Evidence.of("identity.client.registered", "user:" + registrant.username(), "client:" + clientId,
                Map.of("name", name.strip(), "department", department.code(), "scopes", List.copyOf(new TreeSet<>(scopes)))));
        return new RegisteredMachineClient(get(id), secret);
    }

    /** Revokes a client: it can get no new token, and the tokens it holds are refused from now on. */
    @Transactional
    public void revoke(String clientId, String revokedBy) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int changed = jdbc.sql("update identity.machine_client set status = 'REVOKED', revoked_at = ? where client_id = ? and status = 'ACTIVE'")
                .params(now, clientId).update();
        if (changed == 0 && find(clientId).isEmpty()) {
            throw new NotFoundException("error.client.notFound", clientId);
        }
        int tokens = jdbc.sql("update identity.issued_token set revoked_at = ? where client_id = ? and revoked_at is null")
                .params(now, clientId).update();
        events.publishEvent(new MachineClientRevoked(clientId));
        if (changed > 0) {
            evidence.record(Evidence.of("identity.client.revoked", "user:" + revokedBy, "client:" + clientId,
                    Map.of("tokensRevoked", tokens)));
        }
    }

    public Optional<MachineClient> find(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from identity.machine_client where client_id = ?").param(clientId)
                .query(MachineClients::map).optional();
    }

    public MachineClient get(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.machine_client where id = ?").param(id)
                .query(MachineClients::map).optional()
                .orElseThrow(() -> new NotFoundException("error.client.notFound", id));
    }

    public List<MachineClient> all() {
        return jdbc.sql("select " + COLUMNS + " from identity.machine_client order by id").query(MachineClients::map).list();
    }

    public List<MachineClient> ofDepartment(long departmentId) {
        return jdbc.sql("select " + COLUMNS + " from identity.machine_client where department_id = ? order by id")
                .param(departmentId).query(MachineClients::map).list();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static MachineClient map(ResultSet rs, int row) throws SQLException {
        return new MachineClient(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
                rs.getLong("department_id"), Set.of((String[]) rs.getArray("scopes").getArray()),
                MachineClient.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                DepartmentDirectory.instant(rs, "created_at"), DepartmentDirectory.instant(rs, "revoked_at"));
    }
}
