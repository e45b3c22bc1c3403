package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.web.HomeFigure;
import dev.banyan.server.web.NavigationItem;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's ingest pages (采集批次): the batches of the resources a person may see — every resource for the
 * platform administrator, their own department's for its chief data officer, liaisons and developers — and one batch
 * with its problems and what the connector found out about the source.
 */
@Controller
@RequestMapping("/console/ingest")
class IngestConsole {

    /** Who sees the pages. */
    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON,
            Role.DEPARTMENT_DEVELOPER);

    /** A problem line as {@link dev.banyan.server.ingest.RowProblem#toString()} writes it. */
    private static final Pattern PROBLEM = Pattern.compile("^\\[(INGEST-\\d+) (ERROR|WARNING)] (.*)$");

    private final BatchList list;
    private final Ingestion ingestion;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final IngestViewers viewers;

    IngestConsole(BatchList list, Ingestion ingestion, Catalog catalog, DepartmentDirectory departments,
                  IngestViewers viewers) {
        this.list = list;
        this.ingestion = ingestion;
        this.catalog = catalog;
        this.departments = departments;
        this.viewers = viewers;
    }

    @Bean
    static NavigationItem ingestNavigation() {
        return new NavigationItem("/console/ingest", "ingest.nav", "ingest.nav.description", 200,
                ROLES.stream().map(Role::name).collect(Collectors.toSet()));
    }

    @Bean
    static HomeFigure rawRowsFigure(BatchList list) {
        return new HomeFigure("ingest.figure.rows", 200, list::rowsLanded);
    }

    @GetMapping({"", "/batches"})
    String batches(@RequestParam(required = false) String resource, @RequestParam(required = false) String status,
                   @RequestParam(required = false) Long before, Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewers.of(user, ROLES);
        IngestBatch.Status wanted = Arrays.stream(IngestBatch.Status.values())
                .filter(s -> s.name().equalsIgnoreCase(status == null ? "" : status.strip())).findFirst().orElse(null);
        String only = resource == null || resource.isBlank() ? null : resource.strip();
        BatchList.Filter filter = new BatchList.Filter(viewer.resources(), only, wanted, before);
        List<BatchList.Row> rows = list.page(filter);
        Map<String, Resource> resources = new LinkedHashMap<>();
        List<String> withBatches = list.resourcesWithBatches(viewer.resources());
        for (String code : withBatches) {
            catalog.findByCode(code).ifPresent(r -> resources.put(code, r));
        }
        rows.forEach(r -> resources.computeIfAbsent(r.resourceCode(), c -> catalog.findByCode(c).orElse(null)));
        model.addAttribute("rows", rows);
        model.addAttribute("totals", list.totals(filter));
        model.addAttribute("resources", resources);
        model.addAttribute("resourceOptions", withBatches);
        model.addAttribute("resource", only);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", IngestBatch.Status.values());
        model.addAttribute("older", rows.size() == BatchList.PAGE ? rows.getLast().id() : null);
        model.addAttribute("viewerDepartment", viewer.department());
        return "ingest/batches";
    }

    @GetMapping("/batches/{id}")
    String batch(@PathVariable long id, Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewers.of(user, ROLES);
        IngestBatch batch = ingestion.batch(id).orElseThrow(() -> new NotFoundException("ingest.error.noBatch", id));
        if (viewer.resources() != null && !viewer.resources().contains(batch.resourceCode())) {
            throw new AccessDeniedException("batch " + id + " is of another department's resource");
        }
        Resource resource = catalog.findByCode(batch.resourceCode()).orElse(null);
        model.addAttribute("batch", batch);
        model.addAttribute("resource", resource);
        model.addAttribute("provider", resource == null ? null : departments.find(resource.providerId()).orElse(null));
        model.addAttribute("problems", batch.problems().stream().map(IngestConsole::problem).toList());
        model.addAttribute("millis", Duration.between(batch.startedAt(), batch.finishedAt()).toMillis());
        return "ingest/batch";
    }

    /** A stored problem line, split into its code, severity and text when it has them. */
    record ProblemLine(String code, String severity, String text) {

        public boolean error() {
            return "ERROR".equals(severity);
        }
    }

    static ProblemLine problem(String line) {
        Matcher m = PROBLEM.matcher(line);
        if (m.matches() && Arrays.stream(SourceErrorCode.values()).anyMatch(c -> c.code().equals(m.group(1)))) {
            return new ProblemLine(m.group(1), m.group(2), m.group(3));
        }
        return new ProblemLine(null, null, line);
    }
}
