package dev.banyan.server.catalog;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;

import dev.banyan.server.catalog.internal.DemandRows;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.standards.WorkingDayCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand list (需求清单): a department asks for data it needs; the request goes to the owning department
 * (or to the platform when the owner is unknown), which must answer within {@value #ANSWER_WORKING_DAYS}
 * working day — counted with Chinese statutory holidays and adjusted working days (调休).
 */
@Service
public class DemandList {

    /** The time allowed to answer a request, in working days after the day of filing. */
    public static final int ANSWER_WORKING_DAYS = 1;

    private final DemandRows rows;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.chinaMainland();
    private final EvidenceLog evidence;
    private final Clock clock;

    public DemandList(DemandRows rows, Catalog catalog, DepartmentDirectory departments, EvidenceLog evidence, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.departments = departments;
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * When a request filed at this instant must be answered: the end of the next working day in China, to the
     * microsecond that PostgreSQL stores (it would round the calendar's last nanosecond up to the next day).
     */
    public Instant deadlineFor(Instant filedAt) {
        return calendar.deadline(filedAt, ANSWER_WORKING_DAYS, WorkingDayCalendar.CHINA_STANDARD_TIME)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Files a request for the actor's department, now. */
    @Transactional
    public DemandRequest file(CatalogActor actor, NewDemand demand) {
        return fileAsOf(actor, demand, clock.instant());
    }

    /**
     * Files a request as of an earlier instant, for requests carried over from a paper list or another system
     * (and the demo); the deadline counts from that instant.
     */
    @Transactional
    public DemandRequest fileAsOf(CatalogActor actor, NewDemand d, Instant filedAt) {
        if (actor.departmentId() == null) {
            throw new InvalidInputException("requester", "error.catalog.demand.noDepartment");
        }
        if (d.title() == null || d.title().isBlank()) {
            throw new InvalidInputException("title", "error.required");
        }
        if (d.purpose() == null || d.purpose().isBlank()) {
            throw new InvalidInputException("purpose", "error.required");
        }
        if (d.legalBasis() == null || d.legalBasis().isBlank()) {
            throw new InvalidInputException("legalBasis", "error.catalog.demand.legalBasis");
        }
        Long owner = d.ownerId();
        if (d.resourceId() != null) {
            Resource r = catalog.find(d.resourceId())
                    .orElseThrow(() -> new InvalidInputException("resourceId", "error.catalog.resource.notFound", d.resourceId()));
            owner = r.providerId();
        } else if (owner != null && departments.find(owner).isEmpty()) {
            throw new InvalidInputException("ownerId", "error.department.notFound", owner);
        }
        if (Objects.equals(owner, actor.departmentId())) {
            throw new InvalidInputException("ownerId", "error.catalog.demand.ownDepartment");
        }
        Instant at = filedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long id = rows.insert(actor.departmentId(), owner, d, actor.name(), at, deadlineFor(at));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("title", d.title());
        payload.put("purpose", d.purpose());
        if (d.legalBasis() != null) {
            payload.put("legalBasis", d.legalBasis());
        }
        if (d.resourceId() != null) {
            payload.put("resourceId", d.resourceId());
        }
        if (owner != null) {
            payload.put("owner", departments.get(owner).code());
        }
        payload.put("deadline", deadlineFor(at).toString());
        evidence.record(Evidence.of("catalog.demand.filed", "user:" + actor.name(), "demand:" + id, payload));
        return get(id);
    }

    /**
     * Answers a request: the owner's liaison or chief data officer, or the platform administrator (who also
     * answers requests with no known owner).
     */
    @Transactional
    public DemandRequest answer(CatalogActor actor, long id, DemandAnswer a) {
        DemandRequest request = get(id);
        boolean owner = request.ownerId() != null && actor.belongsTo(request.ownerId())
                && (actor.has(Role.DATA_LIAISON) || actor.has(Role.CHIEF_DATA_OFFICER));
        if (!(owner || actor.isAdmin())) {
            throw new CatalogPermissionException("error.catalog.permission.answer");
        }
        if (!request.isOpen()) {
            throw new InvalidInputException("answer", "error.catalog.demand.answered");
        }
        if (a == null || a.kind() == null) {
            throw new InvalidInputException("kind", "error.required");
        }
        DemandAnswer clean = switch (a.kind()) {
            case USE_EXISTING -> {
                if (a.resourceId() == null) {
                    throw new InvalidInputException("resourceId", "error.catalog.demand.resource");
                }
                Resource r = catalog.find(a.resourceId())
                        .orElseThrow(() -> new InvalidInputException("resourceId", "error.catalog.resource.notFound", a.resourceId()));
                if (r.status() != ResourceStatus.PUBLISHED) {
                    throw new InvalidInputException("resourceId", "error.catalog.demand.notPublished", r.code());
                }
                yield new DemandAnswer(a.kind(), r.id(), null, strip(a.reason()));
            }
            case WILL_PUBLISH -> {
                LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.CHINA_STANDARD_TIME));
                if (a.publishBy() == null || a.publishBy().isBefore(today)) {
                    throw new InvalidInputException("publishBy", "error.catalog.demand.publishBy");
                }
                yield new DemandAnswer(a.kind(), null, a.publishBy(), strip(a.reason()));
            }
            case REFUSED -> {
                if (a.reason() == null || a.reason().isBlank()) {
                    throw new InvalidInputException("reason", "error.catalog.demand.refusalReason");
                }
                yield new DemandAnswer(a.kind(), null, null, a.reason().strip());
            }
        };
        rows.answer(id, clean, actor.name(), clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", clean.kind().name());
        if (clean.resourceId() != null) {
            payload.put("resourceId", clean.resourceId());
        }
        if (clean.publishBy() != null) {
            payload.put("publishBy", clean.publishBy().toString());
        }
        if (clean.reason() != null) {
            payload.put("reason", clean.reason());
        }
        evidence.record(Evidence.of("catalog.demand.answered", "user:" + actor.name(), "demand:" + id, payload));
        return get(id);
    }

    public DemandRequest get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("error.catalog.demand.notFound", id));
    }

    public List<DemandRequest> all() {
        return rows.all();
    }

    /** Requests a department filed or must answer. */
    public List<DemandRequest> involving(long departmentId) {
        return rows.involving(departmentId);
    }

    /** Requests that asked for a resource or were answered with it: who uses it. */
    public List<DemandRequest> aboutResource(long resourceId) {
        return rows.aboutResource(resourceId);
    }

    public List<DemandRequest> overdue() {
        Instant now = clock.instant();
        return rows.all().stream().filter(r -> r.isOpen() && r.isOverdue(now)).toList();
    }

    /** Response figures per answering department (null key: the platform), for the assessment module. */
    public List<DemandMetrics> metrics() {
        Instant now = clock.instant();
        Map<Long, List<DemandRequest>> byOwner = new LinkedHashMap<>();
        for (DemandRequest r : rows.all()) {
            byOwner.computeIfAbsent(r.ownerId(), k -> new ArrayList<>()).add(r);
        }
        List<DemandMetrics> metrics = new ArrayList<>();
        byOwner.forEach((owner, list) -> {
            List<DemandRequest> answered = list.stream().filter(r -> !r.isOpen()).toList();
            int onTime = (int) answered.stream().filter(r -> !r.isOverdue(now)).count();
            int openOverdue = (int) list.stream().filter(r -> r.isOpen() && r.isOverdue(now)).count();
            double meanHours = answered.stream()
                    .mapToDouble(r -> Duration.between(r.filedAt(), r.answeredAt()).toMinutes() / 60.0).average().orElse(0);
            metrics.add(new DemandMetrics(owner, list.size(), answered.size(), onTime, openOverdue,
                    Math.round(meanHours * 10) / 10.0));
        });
        return metrics;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
