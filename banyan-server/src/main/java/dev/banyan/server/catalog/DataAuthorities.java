package dev.banyan.server.catalog;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;

import dev.banyan.server.catalog.internal.ElementRows;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.platform.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One data, one source (一数一源): for each data element about a subject type exactly one department is
 * authoritative. A resource claiming authority for an element another department holds is refused with
 * that department's name; only the platform administrator assigns or changes an authority, with history.
 */
@Service
public class DataAuthorities {

    private final ElementRows rows;
    private final DataElements elements;
    private final DepartmentDirectory departments;
    private final EvidenceLog evidence;
    private final Clock clock;

    public DataAuthorities(ElementRows rows, DataElements elements, DepartmentDirectory departments, EvidenceLog evidence,
                           Clock clock) {
        this.rows = rows;
        this.elements = elements;
        this.departments = departments;
        this.evidence = evidence;
        this.clock = clock;
    }

    public Optional<DataAuthority> current(String dataElement, SubjectType subject) {
        return rows.authority(dataElement, subject);
    }

    public List<DataAuthority> all() {
        return rows.authorities();
    }

    public List<DataAuthorityChange> history(String dataElement, SubjectType subject) {
        return rows.history(dataElement, subject);
    }

    /**
     * Refuses a claim of {@code departmentId} to be the authority of the element when another department is.
     *
     * @param field the input field to name in the error, e.g. {@code fields[2].authoritative}
     */
    public void checkClaim(String dataElement, long departmentId, String field) {
        DataElement element = elements.get(dataElement);
        rows.authority(dataElement, element.subjectType())
                .filter(a -> a.departmentId() != departmentId)
                .ifPresent(a -> {
                    throw new InvalidInputException(field, "error.catalog.authority.conflict", element.nameZh(),
                            departments.get(a.departmentId()).nameZh());
                });
    }

    /**
     * Records the claim of a department that has just published a resource as the authority of a data element;
     * nothing happens when it already is, and another department's authority is refused.
     */
    @Transactional
    public void claim(String actor, String dataElement, long departmentId, String reason) {
        checkClaim(dataElement, departmentId, "authoritative");
        DataElement element = elements.get(dataElement);
        if (rows.authority(dataElement, element.subjectType()).isEmpty()) {
            rows.assign(dataElement, element.subjectType(), null, departmentId, actor, reason, clock.instant());
            recordAssignment(actor, dataElement, element.subjectType(), null, departmentId, reason);
        }
    }

    /**
     * Assigns or changes the authoritative department (platform administrator only); the change is kept in the
     * history with its reason.
     */
    @Transactional
    public DataAuthority assign(CatalogActor actor, String dataElement, long departmentId, String reason) {
        if (!actor.isAdmin()) {
            throw new CatalogPermissionException("error.catalog.permission.adminOnly");
        }
        DataElement element = elements.find(dataElement)
                .orElseThrow(() -> new InvalidInputException("dataElement", "error.catalog.element.unknown", dataElement));
        if (departments.find(departmentId).isEmpty()) {
            throw new InvalidInputException("departmentId", "error.department.notFound", departmentId);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "error.catalog.reason.required");
        }
        Long previous = rows.authority(dataElement, element.subjectType()).map(DataAuthority::departmentId).orElse(null);
        rows.assign(dataElement, element.subjectType(), previous, departmentId, actor.name(), reason.strip(), clock.instant());
        recordAssignment(actor.name(), dataElement, element.subjectType(), previous, departmentId, reason.strip());
        return rows.authority(dataElement, element.subjectType()).orElseThrow();
    }

    private void recordAssignment(String actor, String dataElement, SubjectType subject, Long previous, long departmentId,
                                  String reason) {
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("dataElement", dataElement);
        payload.put("subjectType", subject.name());
        if (previous != null) {
            payload.put("previousDepartment", departments.get(previous).code());
        }
        payload.put("department", departments.get(departmentId).code());
        if (reason != null) {
            payload.put("reason", reason);
        }
        evidence.record(Evidence.of("catalog.authority.assigned", "user:" + actor,
                "element:" + dataElement + "/" + subject.name(), payload));
    }
}
