package dev.banyan.server.share.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of data services ({@link DataServices}) in {@code share.service}: definitions checked by the common
 * rules and by their kind's {@link ServiceHandler}, versions, and the current version of each service cached for the
 * gateway — for a few seconds, so that a publication on another node is seen soon without a query per call.
 */
@Service
class ServiceRegistry implements DataServices {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final String COLUMNS = "id, code, version, kind, name_zh, name_en, resource_code, owner_department_id, "
            + "share_type, definition::text as definition, status, created_by, created_at";

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final Map<ServiceKind, ServiceHandler> handlers = new EnumMap<>(ServiceKind.class);
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<DataService> service, Instant loadedAt) {
    }

    ServiceRegistry(JdbcClient jdbc, Catalog catalog, DepartmentDirectory departments, EvidenceLog evidence, Clock clock,
                    List<ServiceHandler> handlers) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.departments = departments;
        this.evidence = evidence;
        this.clock = clock;
        for (ServiceHandler h : handlers) {
            this.handlers.put(h.kind(), h);
        }
    }

    @Override
    public ServiceDefinition parse(String jsonOrYaml) {
        return ServiceDefinitionFormat.parse(jsonOrYaml);
    }

    @Override
    @Transactional
    public DataService publish(ServiceDefinition d, UserAccount publisher) {
        List<InputProblem> problems = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add(InputProblem.of("code", "share.error.service.code", d.code()));
        }
        if (d.nameZh() == null || d.nameZh().isBlank()) {
            problems.add(InputProblem.of("nameZh", "share.error.service.name"));
        }
        ServiceHandler handler = d.kind() == null ? null : handlers.get(d.kind());
        if (handler == null) {
            problems.add(InputProblem.of("kind", "share.error.service.kind", d.kind(), handlers.keySet()));
        }
        Resource resource = null;
        if (d.kind() != ServiceKind.PROXY) {
            resource = d.resource() == null ? null : catalog.findByCode(d.resource()).orElse(null);
            if (resource == null) {
                problems.add(InputProblem.of("resource", "share.error.service.resource", d.resource()));
            } else if (resource.shareType() == ShareType.NOT_SHARED && d.kind() != ServiceKind.VERIFICATION) {
                // Data that may not be shared can still answer yes or no questions; it is never returned.
                problems.add(InputProblem.of("resource", "share.error.service.notShared", d.resource()));
            }
        }
        Department owner = owner(d, resource, publisher, problems);
        if (problems.isEmpty() && handler != null) {
            handler.check(d, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from share.service where code = ?").param(d.code())
                .query(Integer.class).single();
        jdbc.sql("update share.service set status = 'SUPERSEDED' where code = ? and status = 'PUBLISHED'").param(d.code()).update();
        ShareType shareType = resource == null ? ShareType.CONDITIONAL : resource.shareType();
        long id = jdbc.sql("""
                insert into share.service (code, version, kind, name_zh, name_en, resource_code, owner_department_id,
                                           share_type, definition, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PUBLISHED', ?, ?) returning id""")
                .params(d.code(), version, d.kind().name(), d.nameZh().strip(), d.nameEn(), d.resource(), owner.id(),
                        shareType.name(), ServiceDefinitionFormat.toJson(d), publisher.username(), now())
                .query(Long.class).single();
        handler.prepare(d);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", version);
        payload.put("kind", d.kind().name());
        payload.put("owner", owner.code());
        payload.put("definitionSha256", ServiceDefinitionFormat.sha256(d));
        if (d.resource() != null) {
            payload.put("resource", d.resource());
        }
        evidence.record(Evidence.of("share.service.published", "user:" + publisher.username(), "service:" + d.code(), payload));
        cache.remove(d.code());
        return get(id);
    }

    private Department owner(ServiceDefinition d, Resource resource, UserAccount publisher, List<InputProblem> problems) {
        Department owner = null;
        if (d.owner() != null && !d.owner().isBlank()) {
            owner = departments.findByCode(d.owner().strip()).orElse(null);
            if (owner == null) {
                problems.add(InputProblem.of("owner", "share.error.service.owner", d.owner()));
                return null;
            }
        } else if (resource != null) {
            owner = departments.find(resource.providerId()).orElse(null);
        } else if (publisher.departmentId() != null) {
            owner = departments.find(publisher.departmentId()).orElse(null);
        }
        if (owner == null) {
            problems.add(InputProblem.of("owner", "share.error.service.ownerRequired"));
            return null;
        }
        if (resource != null && resource.providerId() != owner.id()) {
            problems.add(InputProblem.of("owner", "share.error.service.ownerNotProvider", owner.code(), d.resource()));
        }
        if (!publisher.has(Role.PLATFORM_ADMIN) && !Long.valueOf(owner.id()).equals(publisher.departmentId())) {
            problems.add(InputProblem.of("owner", "share.error.service.notYours", owner.code()));
        }
        return owner;
    }

    @Override
    @Transactional
    public void retire(String code, UserAccount actor, String reason) {
        DataService s = current(code).orElseThrow(() -> new NotFoundException("share.error.service.notFound", code));
        if (!actor.has(Role.PLATFORM_ADMIN) && !Long.valueOf(s.ownerDepartmentId()).equals(actor.departmentId())) {
            throw new InvalidInputException("code", "share.error.service.notYours", code);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "share.error.reasonRequired");
        }
        jdbc.sql("update share.service set status = 'RETIRED' where code = ? and status = 'PUBLISHED'").param(code).update();
        evidence.record(Evidence.of("share.service.retired", "user:" + actor.username(), "service:" + code,
                Map.of("version", s.version(), "reason", reason.strip())));
        cache.remove(code);
    }

    @Override
    public Optional<DataService> current(String code) {
        Instant now = clock.instant();
        Cached c = cache.get(code);
        if (c == null || c.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            c = new Cached(jdbc.sql("select " + COLUMNS + " from share.service where code = ? and status = 'PUBLISHED'")
                    .param(code).query(ServiceRegistry::map).optional(), now);
            cache.put(code, c);
        }
        return c.service();
    }

    @Override
    public List<DataService> versions(String code) {
        return jdbc.sql("select " + COLUMNS + " from share.service where code = ? order by version desc").param(code)
                .query(ServiceRegistry::map).list();
    }

    @Override
    public List<DataService> published() {
        return jdbc.sql("select " + COLUMNS + " from share.service where status = 'PUBLISHED' order by code")
                .query(ServiceRegistry::map).list();
    }

    /** The handler serving a kind of service. */
    ServiceHandler handler(ServiceKind kind) {
        ServiceHandler h = handlers.get(kind);
        if (h == null) {
            throw new IllegalStateException("no handler serves " + kind + " services");
        }
        return h;
    }

    private DataService get(long id) {
        return jdbc.sql("select " + COLUMNS + " from share.service where id = ?").param(id).query(ServiceRegistry::map).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static DataService map(ResultSet rs, int row) throws SQLException {
        return new DataService(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                ServiceKind.valueOf(rs.getString("kind")), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("resource_code"), rs.getLong("owner_department_id"), ShareType.valueOf(rs.getString("share_type")),
                ServiceDefinitionFormat.parseStored(rs.getString("definition")), DataService.Status.valueOf(rs.getString("status")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
