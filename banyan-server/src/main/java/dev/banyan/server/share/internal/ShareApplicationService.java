package dev.banyan.server.share.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import dev.banyan.standards.WorkingDayCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications and decisions ({@link ShareApplications}) in {@code share.application}: checked, filed, approved at
 * once for unconditionally shared data or sent to the owner's chief data officer with a deadline of
 * {@link #DECISION_WORKING_DAYS} working days, decided with a reason, each step on the evidence log and told to the
 * departments concerned.
 */
@Service
class ShareApplicationService implements ShareApplications {

    /** 《政务信息资源共享管理暂行办法》: conditional requests are answered within ten working days. */
    static final int DECISION_WORKING_DAYS = 10;
    private static final String COLUMNS = "id, service_code, consumer_department_id, client_id, applicant, purpose, legal_basis, "
            + "fields, duration_days, expected_daily_calls, status, decided_by, decided_at, decision_reason, due_at, created_at";

    private final JdbcClient jdbc;
    private final DataServices services;
    private final GrantRegistry grants;
    private final MachineClients clients;
    private final Notifications notifications;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.chinaMainland();

    ShareApplicationService(JdbcClient jdbc, DataServices services, GrantRegistry grants, MachineClients clients,
                            Notifications notifications, EvidenceLog evidence, Clock clock) {
        this.jdbc = jdbc;
        this.services = services;
        this.grants = grants;
        this.clients = clients;
        this.notifications = notifications;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ShareApplication apply(NewApplication a, UserAccount applicant) {
        List<InputProblem> problems = new ArrayList<>();
        Long department = applicant.departmentId();
        if (department == null) {
            throw new InvalidInputException("department", "share.error.application.noDepartment");
        }
        DataService service = a.serviceCode() == null ? null : services.current(a.serviceCode()).orElse(null);
        if (service == null) {
            problems.add(InputProblem.of("serviceCode", "share.error.service.notFound", a.serviceCode()));
        }
        MachineClient client = a.clientId() == null ? null : clients.find(a.clientId()).orElse(null);
        if (client == null || !client.active() || client.departmentId() != department) {
            problems.add(InputProblem.of("clientId", "share.error.application.client", a.clientId()));
        }
        if (a.purpose() == null || a.purpose().isBlank() || a.purpose().length() > 500) {
            problems.add(InputProblem.of("purpose", "share.error.application.purpose"));
        }
        if (a.legalBasis() == null || a.legalBasis().isBlank() || a.legalBasis().length() > 500) {
            problems.add(InputProblem.of("legalBasis", "share.error.application.legalBasis"));
        }
        if (a.durationDays() < 1 || a.durationDays() > 1095) {
            problems.add(InputProblem.of("durationDays", "share.error.grant.days", 1, 1095));
        }
        if (a.expectedDailyCalls() < 1 || a.expectedDailyCalls() > 10_000_000) {
            problems.add(InputProblem.of("expectedDailyCalls", "share.error.application.volume", 1, 10_000_000));
        }
        if (service != null) {
            for (int i = 0; i < a.fields().size(); i++) {
                if (!service.definition().output().contains(a.fields().get(i))) {
                    problems.add(InputProblem.of("fields[" + i + "]", "share.error.application.field", a.fields().get(i), service.code()));
                }
            }
        }
        if (problems.isEmpty() && jdbc.sql("select count(*) from share.application where client_id = ? and service_code = ? and status = 'PENDING'")
                .params(a.clientId(), a.serviceCode()).query(Integer.class).single() > 0) {
            problems.add(InputProblem.of("serviceCode", "share.error.application.pending", a.serviceCode()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        boolean automatic = service.shareType() == ShareType.UNCONDITIONAL;
        // To the microsecond PostgreSQL keeps: it would round the deadline's last nanosecond up to the next day.
        Instant due = automatic ? null
                : calendar.deadline(now, DECISION_WORKING_DAYS).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<String> fields = List.copyOf(new LinkedHashSet<>(a.fields()));
        long id = jdbc.sql("""
                insert into share.application (service_code, consumer_department_id, client_id, applicant, purpose, legal_basis,
                    fields, duration_days, expected_daily_calls, status, due_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) returning id""")
                .params(a.serviceCode(), department, a.clientId(), applicant.username(), a.purpose().strip(), a.legalBasis().strip(),
                        fields.toArray(String[]::new), a.durationDays(), a.expectedDailyCalls(), utc(due), utc(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("service", a.serviceCode());
        payload.put("client", a.clientId());
        payload.put("purpose", a.purpose().strip());
        payload.put("legalBasis", a.legalBasis().strip());
        payload.put("fields", fields);
        payload.put("durationDays", a.durationDays());
        payload.put("expectedDailyCalls", a.expectedDailyCalls());
        evidence.record(Evidence.of("share.application.filed", "user:" + applicant.username(), "application:" + id, payload));
        String link = "/console/share/applications/" + id;
        if (automatic) {
            decide(get(id), "system:unconditional-share", true, "share.decision.unconditional");
            notifications.tell(service.ownerDepartmentId(), null, "application.auto", "share.notice.autoApproved", link,
                    service.code(), applicant.username());
        } else {
            notifications.tell(service.ownerDepartmentId(), Role.CHIEF_DATA_OFFICER, "application.pending",
                    "share.notice.pending", link, service.code(), due.toString());
        }
        return get(id);
    }

    @Override
    @Transactional
    public Grant approve(long applicationId, UserAccount decider, String reason) {
        ShareApplication a = pending(applicationId, decider);
        return decide(a, "user:" + decider.username(), true, reason == null || reason.isBlank() ? "share.decision.approved" : reason.strip());
    }

    @Override
    @Transactional
    public ShareApplication reject(long applicationId, UserAccount decider, String reason) {
        ShareApplication a = pending(applicationId, decider);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "share.error.reasonRequired");
        }
        decide(a, "user:" + decider.username(), false, reason.strip());
        return get(applicationId);
    }

    private ShareApplication pending(long applicationId, UserAccount decider) {
        ShareApplication a = get(applicationId);
        DataService service = services.current(a.serviceCode())
                .orElseThrow(() -> new InvalidInputException("serviceCode", "share.error.service.notFound", a.serviceCode()));
        boolean ownerCdo = decider.has(Role.CHIEF_DATA_OFFICER) && Long.valueOf(service.ownerDepartmentId()).equals(decider.departmentId());
        if (!decider.has(Role.PLATFORM_ADMIN) && !ownerCdo) {
            throw new InvalidInputException("application", "share.error.application.notDecider", applicationId);
        }
        if (a.status() != ShareApplication.Status.PENDING) {
            throw new InvalidInputException("application", "share.error.application.decided", applicationId, a.status());
        }
        return a;
    }

    /** Records the decision; an approval makes the grant. The reason is free text or a message code. */
    private Grant decide(ShareApplication a, String actor, boolean approved, String reason) {
        String who = actor.startsWith("user:") ? actor.substring(5) : actor;
        jdbc.sql("update share.application set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ? and status = 'PENDING'")
                .params(approved ? "APPROVED" : "REJECTED", who, utc(clock.instant()), reason, a.id()).update();
        evidence.record(Evidence.of(approved ? "share.application.approved" : "share.application.rejected", actor,
                "application:" + a.id(), Map.of("service", a.serviceCode(), "client", a.clientId(), "reason", reason)));
        String link = "/console/share/applications/" + a.id();
        notifications.tell(a.consumerDepartmentId(), null, approved ? "application.approved" : "application.rejected",
                approved ? "share.notice.approved" : "share.notice.rejected", link, a.serviceCode(), reason);
        if (!approved) {
            return null;
        }
        int quota = (int) Math.min(Integer.MAX_VALUE, Math.max(100L, a.expectedDailyCalls() * 6L / 5));
        int rate = Math.max(10, Math.min(1000, a.expectedDailyCalls() / 1000));
        return grants.create(a.id(), new GrantRegistry.Terms(a.serviceCode(), a.clientId(), a.consumerDepartmentId(), a.purpose(),
                new LinkedHashSet<>(a.fields()), List.of(), quota, rate, Duration.ofDays(a.durationDays())), actor);
    }

    @Override
    public Optional<ShareApplication> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from share.application where id = ?").param(id)
                .query(ShareApplicationService::map).optional();
    }

    private ShareApplication get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("share.error.application.notFound", id));
    }

    @Override
    public List<ShareApplication> ofDepartment(long departmentId) {
        return jdbc.sql("select " + COLUMNS + """
                 from share.application where consumer_department_id = :d
                   or service_code in (select code from share.service where owner_department_id = :d)
                order by id desc""").param("d", departmentId).query(ShareApplicationService::map).list();
    }

    @Override
    public List<ShareApplication> all(int limit) {
        return jdbc.sql("select " + COLUMNS + " from share.application order by id desc limit ?").param(limit)
                .query(ShareApplicationService::map).list();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static ShareApplication map(ResultSet rs, int row) throws SQLException {
        return new ShareApplication(rs.getLong("id"), rs.getString("service_code"), rs.getLong("consumer_department_id"),
                rs.getString("client_id"), rs.getString("applicant"), rs.getString("purpose"), rs.getString("legal_basis"),
                Arrays.asList((String[]) rs.getArray("fields").getArray()), rs.getInt("duration_days"),
                rs.getInt("expected_daily_calls"), ShareApplication.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
                instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("created_at")));
    }
}
