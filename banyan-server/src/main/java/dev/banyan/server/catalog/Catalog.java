package dev.banyan.server.catalog;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;

import dev.banyan.server.catalog.internal.CatalogIndex;
import dev.banyan.server.catalog.internal.ResourceDiff;
import dev.banyan.server.catalog.internal.ResourceRows;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.InputProblems;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The government data resource catalog (政务数据资源目录): register, edit, review, publish and retire
 * resources, each change versioned with a field-level diff.
 *
 * <p>Who may do what: a data liaison (数据联络员) or chief data officer (首席数据官) drafts and edits the drafts of
 * their own department; the chief data officer submits them for review; the platform administrator publishes
 * them or returns them with comments, edits published resources (with a reason) and retires them. A chief data
 * officer may also retire a published resource of their department.
 */
@Service
public class Catalog {

    private final ResourceRows rows;
    private final DataElements elements;
    private final DataAuthorities authorities;
    private final DepartmentDirectory departments;
    private final CatalogIndex index;
    private final ApplicationEventPublisher events;
    private final EvidenceLog evidence;
    private final Clock clock;

    public Catalog(ResourceRows rows, DataElements elements, DataAuthorities authorities, DepartmentDirectory departments,
                   CatalogIndex index, ApplicationEventPublisher events, EvidenceLog evidence, Clock clock) {
        this.rows = rows;
        this.elements = elements;
        this.authorities = authorities;
        this.departments = departments;
        this.index = index;
        this.events = events;
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * Registers a new resource as a draft of its provider department.
     *
     * @throws InvalidInputException naming every field at fault; nothing is stored then
     * @throws CatalogPermissionException when the actor may not draft for that department
     */
    @Transactional
    public Resource draft(CatalogActor actor, ResourceDraft draft) {
        ResourceDraft d = normalise(draft);
        if (d.providerId() == null) {
            throw new InvalidInputException("providerId", "error.required");
        }
        requireDrafter(actor, d.providerId());
        validate(d, null);
        Instant now = clock.instant();
        long id = rows.insert(d, ResourceStatus.DRAFT, now);
        recordVersion(id, d.code(), 1, "created", actor, null, ResourceDiff.between(null, d), now);
        return changed(id);
    }

    /**
     * Changes a resource. Drafts are edited by their department's liaison or chief data officer; a resource
     * waiting for review or published only by the platform administrator, with a reason; a retired one never.
     */
    @Transactional
    public Resource update(CatalogActor actor, long id, ResourceDraft draft, String reason) {
        Resource current = get(id);
        ResourceDraft d = normalise(draft);
        switch (current.status()) {
            case DRAFT -> {
                requireDrafter(actor, current.providerId());
                if (d.providerId() != null && d.providerId() != current.providerId() && !actor.isAdmin()) {
                    throw new CatalogPermissionException("error.catalog.permission.otherDepartment");
                }
            }
            case PENDING_REVIEW, PUBLISHED -> {
                requireAdmin(actor);
                if (blank(reason)) {
                    throw new InvalidInputException("reason", "error.catalog.reason.required");
                }
                if (!current.code().equals(d.code())) {
                    throw new InvalidInputException("code", "error.catalog.code.fixed");
                }
            }
            case RETIRED -> throw new InvalidInputException("status", "error.catalog.status.retired");
        }
        if (d.providerId() == null) {
            d = withProvider(d, current.providerId());
        }
        validate(d, current);
        if (current.status() == ResourceStatus.PUBLISHED) {
            requirePublishable(d);
        }
        List<FieldDiff> diffs = ResourceDiff.between(current.toDraft(), d);
        if (diffs.isEmpty()) {
            return current;
        }
        Instant now = clock.instant();
        int version = current.version() + 1;
        rows.update(id, d, current.status(), version, current.reviewComment(), now);
        recordVersion(id, d.code(), version, "updated", actor, blankToNull(reason), diffs, now);
        if (current.status() == ResourceStatus.PUBLISHED) {
            claimAuthorities(actor, get(id));
        }
        return changed(id);
    }

    /** The chief data officer of the provider submits a draft for review; it must have all required metadata. */
    @Transactional
    public Resource submit(CatalogActor actor, long id) {
        Resource r = get(id);
        if (!(actor.isAdmin() || actor.has(Role.CHIEF_DATA_OFFICER) && actor.belongsTo(r.providerId()))) {
            throw new CatalogPermissionException("error.catalog.permission.submit");
        }
        requireStatus(r, ResourceStatus.DRAFT);
        requirePublishable(r.toDraft());
        return transition(actor, r, ResourceStatus.PENDING_REVIEW, "submitted", null, null, r.toDraft());
    }

    /**
     * The platform administrator publishes a resource waiting for review: its authoritative fields become the
     * authority for their data elements (one data, one source).
     */
    @Transactional
    public Resource publish(CatalogActor actor, long id, String comment) {
        requireAdmin(actor);
        Resource r = get(id);
        requireStatus(r, ResourceStatus.PENDING_REVIEW);
        ResourceDraft d = r.toDraft();
        requirePublishable(d);
        checkAuthorities(d);
        if (d.releaseDate() == null) {
            d = new ResourceDraft(d.code(), d.nameZh(), d.nameEn(), d.providerId(), d.summary(), d.domain(), d.format(),
                    d.updateCycle(), d.sourceSystem(), LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))),
                    d.shareType(), d.shareConditions(), d.shareLegalBasis(), d.openType(), d.grade(), d.fields());
        }
        Resource published = transition(actor, r, ResourceStatus.PUBLISHED, "published", blankToNull(comment), null, d);
        claimAuthorities(actor, published);
        return published;
    }

    /** The platform administrator returns a resource waiting for review to its department, saying what to fix. */
    @Transactional
    public Resource returnForRevision(CatalogActor actor, long id, String comment) {
        requireAdmin(actor);
        Resource r = get(id);
        requireStatus(r, ResourceStatus.PENDING_REVIEW);
        if (blank(comment)) {
            throw new InvalidInputException("comment", "error.catalog.comment.required");
        }
        return transition(actor, r, ResourceStatus.DRAFT, "returned", comment.strip(), comment.strip(), r.toDraft());
    }

    /** Retires a published resource; it keeps its code and history. */
    @Transactional
    public Resource retire(CatalogActor actor, long id, String reason) {
        Resource r = get(id);
        if (!(actor.isAdmin() || actor.has(Role.CHIEF_DATA_OFFICER) && actor.belongsTo(r.providerId()))) {
            throw new CatalogPermissionException("error.catalog.permission.retire");
        }
        requireStatus(r, ResourceStatus.PUBLISHED);
        if (blank(reason)) {
            throw new InvalidInputException("reason", "error.catalog.reason.required");
        }
        return transition(actor, r, ResourceStatus.RETIRED, "retired", reason.strip(), null, r.toDraft());
    }

    public Optional<Resource> find(long id) {
        return rows.find(id);
    }

    public Resource get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("error.catalog.resource.notFound", id));
    }

    public Optional<Resource> findByCode(String code) {
        return rows.findByCode(code);
    }

    public Resource getByCode(String code) {
        return rows.findByCode(code).orElseThrow(() -> new NotFoundException("error.catalog.resource.notFound", code));
    }

    public List<Resource> all() {
        return rows.all();
    }

    public List<Resource> withStatus(ResourceStatus status) {
        return rows.byStatus(status);
    }

    public List<Resource> ofProvider(long departmentId) {
        return rows.byProvider(departmentId);
    }

    public int count(ResourceStatus status) {
        return rows.count(status);
    }

    /** Every change of a resource, newest first. */
    public List<ResourceVersion> versions(long id) {
        get(id);
        return rows.versions(id);
    }

    /** Full-text search over resources and their fields (Chinese and English), with facet counts. */
    public CatalogHits search(CatalogQuery query) {
        return index.search(query);
    }

    /**
     * The next free code for a classification (e.g. {@code 101001}) and a provider, following the national
     * convention: classification, the provider's credit code, a three-digit serial.
     */
    public String suggestCode(String classification, long providerId) {
        Department provider = departments.get(providerId);
        String c = classification == null || !classification.matches("[1-3]\\d{5}\\d{0,3}") ? "301001" : classification;
        return c + "-" + provider.creditCode() + "-" + String.format("%03d", rows.lastSerial(c, provider.creditCode()) + 1);
    }

    private Resource transition(CatalogActor actor, Resource r, ResourceStatus to, String action, String reason,
                                String reviewComment, ResourceDraft content) {
        Instant now = clock.instant();
        int version = r.version() + 1;
        List<FieldDiff> diffs = new ArrayList<>(ResourceDiff.between(r.toDraft(), content));
        diffs.add(0, new FieldDiff("status", r.status().name(), to.name()));
        rows.update(r.id(), content, to, version, reviewComment, now);
        recordVersion(r.id(), r.code(), version, action, actor, reason, diffs, now);
        return changed(r.id());
    }

    /** Keeps the version in the catalog's history and, in the same transaction, as evidence in the audit log. */
    private void recordVersion(long id, String code, int version, String action, CatalogActor actor, String reason,
                               List<FieldDiff> diffs, Instant now) {
        rows.recordVersion(id, version, action, actor.name(), reason, diffs, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("resourceId", id);
        payload.put("code", code);
        payload.put("version", version);
        payload.put("action", action);
        if (reason != null) {
            payload.put("reason", reason);
        }
        payload.put("changes", diffs.stream().map(FieldDiff::asMap).toList());
        evidence.record(Evidence.of("catalog.resource." + EVIDENCE_ACTIONS.getOrDefault(action, action),
                "user:" + actor.name(), "resource:" + code, payload));
    }

    /** Version actions as evidence types: what happened to the resource. */
    private static final Map<String, String> EVIDENCE_ACTIONS = Map.of("created", "drafted");

    private Resource changed(long id) {
        Resource r = get(id);
        events.publishEvent(new ResourceChanged(r.id(), r.code(), r.status()));
        return r;
    }

    private void claimAuthorities(CatalogActor actor, Resource r) {
        for (ResourceField f : r.fields()) {
            if (f.authoritative() && f.dataElement() != null) {
                authorities.claim(actor.name(), f.dataElement(), r.providerId(), "published " + r.code());
            }
        }
    }

    private void checkAuthorities(ResourceDraft d) {
        InputProblems problems = new InputProblems();
        for (int i = 0; i < d.fields().size(); i++) {
            ResourceField f = d.fields().get(i);
            String at = "fields[" + i + "].authoritative";
            if (f.authoritative() && f.dataElement() != null) {
                problems.check(() -> authorities.checkClaim(f.dataElement(), d.providerId(), at));
            }
        }
        problems.throwIfAny();
    }

    /** Checks everything about a draft and refuses it with every problem found, not only the first. */
    private void validate(ResourceDraft d, Resource current) {
        InputProblems problems = new InputProblems();
        Optional<Department> provider = departments.find(d.providerId());
        if (provider.isEmpty()) {
            problems.add("providerId", "error.department.notFound", d.providerId());
        }
        Optional<ResourceCode> code = ResourceCode.parse(d.code());
        if (code.isEmpty()) {
            problems.add("code", "error.catalog.code.format", d.code());
        } else if (provider.isPresent() && !code.get().providerCode().equals(provider.get().creditCode())
                // A resource keeps the code it was given when its department's credit code is corrected later.
                && !(current != null && current.code().equals(code.get().value()) && current.providerId() == d.providerId())) {
            problems.add("code", "error.catalog.code.provider", provider.get().creditCode());
        } else {
            rows.findByCode(code.get().value()).filter(other -> current == null || other.id() != current.id())
                    .ifPresent(other -> problems.add("code", "error.catalog.code.taken", code.get().value()));
        }
        if (blank(d.nameZh())) {
            problems.add("nameZh", "error.required");
        }
        if (d.shareType() == null) {
            problems.add("shareType", "error.required");
        }
        if (d.shareType() == ShareType.CONDITIONAL && blank(d.shareConditions())) {
            problems.add("shareConditions", "error.catalog.share.conditions");
        }
        if (d.shareType() == ShareType.NOT_SHARED && blank(d.shareLegalBasis())) {
            problems.add("shareLegalBasis", "error.catalog.share.legalBasis");
        }
        if (d.openType() == null) {
            problems.add("openType", "error.required");
        }
        if (d.grade() == null) {
            problems.add("grade", "error.required");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.fields().size(); i++) {
            ResourceField f = d.fields().get(i);
            String at = "fields[" + i + "]";
            if (blank(f.name())) {
                problems.add(at + ".name", "error.required");
            } else if (!names.add(f.name())) {
                problems.add(at + ".name", "error.catalog.field.duplicate", f.name());
            }
            if (blank(f.type())) {
                problems.add(at + ".type", "error.required");
            }
            boolean knownElement = f.dataElement() == null || elements.find(f.dataElement()).isPresent();
            if (!knownElement) {
                problems.add(at + ".dataElement", "error.catalog.element.unknown", f.dataElement());
            }
            if (f.authoritative()) {
                if (f.dataElement() == null) {
                    problems.add(at + ".authoritative", "error.catalog.authority.noElement");
                } else if (knownElement) {
                    problems.check(() -> authorities.checkClaim(f.dataElement(), d.providerId(), at + ".authoritative"));
                }
            }
            if (d.grade() != null && f.grade() != null && f.grade().compareTo(d.grade()) > 0) {
                problems.add(at + ".grade", "error.catalog.field.gradeAboveResource");
            }
        }
        problems.throwIfAny();
    }

    /** The metadata that the 2017 cataloguing guide makes mandatory before a resource may be published; all missing ones are named. */
    private static void requirePublishable(ResourceDraft d) {
        InputProblems problems = new InputProblems();
        requireFilled(problems, "nameEn", d.nameEn());
        requireFilled(problems, "summary", d.summary());
        requireFilled(problems, "format", d.format());
        requireFilled(problems, "sourceSystem", d.sourceSystem());
        if (d.domain() == null) {
            problems.add("domain", "error.catalog.publish.missing", label("domain"));
        }
        if (d.updateCycle() == null) {
            problems.add("updateCycle", "error.catalog.publish.missing", label("updateCycle"));
        }
        if (d.fields().isEmpty()) {
            problems.add("fields", "error.catalog.publish.noFields");
        }
        problems.throwIfAny();
    }

    private static void requireFilled(InputProblems problems, String field, String value) {
        if (blank(value)) {
            problems.add(field, "error.catalog.publish.missing", label(field));
        }
    }

    /** The element's label, resolved in the reader's language when the message is rendered. */
    private static org.springframework.context.MessageSourceResolvable label(String element) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"catalog.resource." + element}, element);
    }

    private static void requireStatus(Resource r, ResourceStatus expected) {
        if (r.status() != expected) {
            throw new InvalidInputException("status", "error.catalog.status.wrong", r.status(), expected);
        }
    }

    private static void requireAdmin(CatalogActor actor) {
        if (!actor.isAdmin()) {
            throw new CatalogPermissionException("error.catalog.permission.adminOnly");
        }
    }

    private static void requireDrafter(CatalogActor actor, long providerId) {
        if (actor.isAdmin()) {
            return;
        }
        if (!(actor.has(Role.DATA_LIAISON) || actor.has(Role.CHIEF_DATA_OFFICER))) {
            throw new CatalogPermissionException("error.catalog.permission.draft");
        }
        if (!actor.belongsTo(providerId)) {
            throw new CatalogPermissionException("error.catalog.permission.otherDepartment");
        }
    }

    private static ResourceDraft normalise(ResourceDraft d) {
        List<ResourceField> fields = d.fields().stream()
                .map(f -> new ResourceField(strip(f.name()), strip(f.type()), strip(f.description()), f.key(),
                        strip(f.dataElement()), f.personalInformation(), f.grade(), f.authoritative()))
                .toList();
        return new ResourceDraft(strip(d.code()), strip(d.nameZh()), strip(d.nameEn()), d.providerId(), strip(d.summary()),
                d.domain(), strip(d.format()), d.updateCycle(), strip(d.sourceSystem()), d.releaseDate(),
                d.shareType() == null ? ShareType.UNCONDITIONAL : d.shareType(), strip(d.shareConditions()),
                strip(d.shareLegalBasis()), d.openType() == null ? OpenType.NOT_OPEN : d.openType(),
                d.grade() == null ? DataGrade.GENERAL : d.grade(), fields);
    }

    private static ResourceDraft withProvider(ResourceDraft d, long providerId) {
        return new ResourceDraft(d.code(), d.nameZh(), d.nameEn(), providerId, d.summary(), d.domain(), d.format(),
                d.updateCycle(), d.sourceSystem(), d.releaseDate(), d.shareType(), d.shareConditions(), d.shareLegalBasis(),
                d.openType(), d.grade(), d.fields());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return strip(s);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
