package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.identity.Role;
import dev.banyan.server.ingest.CorrectionResult;
import dev.banyan.server.ingest.QuarantineProblem;
import dev.banyan.server.ingest.QuarantinedRow;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's quarantine (隔离区): the rows of a resource that standardisation rejected, with a readable reason
 * for each problem, and what can be done with them — correct a row's values (they must pass the same rules into the
 * STANDARD zone), dismiss it with a reason, or replay every open row after the catalog or a code table was fixed.
 * For the department's data liaison and chief data officer, and the big-data bureau's administrator; every action
 * is recorded as evidence with who did it.
 */
@Controller
@RequestMapping("/console/ingest/quarantine")
class QuarantineConsole {

    /** Who sees and works the quarantine: it holds the rows' values, personal information included. */
    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON);

    static final int PAGE = 50;

    private final IngestionService ingestion;
    private final Catalog catalog;
    private final IngestViewers viewers;

    QuarantineConsole(IngestionService ingestion, Catalog catalog, IngestViewers viewers) {
        this.ingestion = ingestion;
        this.catalog = catalog;
        this.viewers = viewers;
    }

    /** A resource with open rows, for the overview. */
    record ResourceOpen(String code, Resource resource, long open) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String resource, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int offset, Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewers.of(user, ROLES);
        String code = resource == null || resource.isBlank() ? null : resource.strip();
        List<ResourceOpen> overview = new ArrayList<>();
        ingestion.openQuarantineByResource().forEach((c, n) -> {
            if (viewer.maySee(c)) {
                overview.add(new ResourceOpen(c, catalog.findByCode(c).orElse(null), n));
            }
        });
        model.addAttribute("overview", overview);
        model.addAttribute("viewerDepartment", viewer.department());
        model.addAttribute("all", viewer.all());
        if (code == null) {
            return "ingest/quarantine";
        }
        Resource r = catalog.findByCode(code).orElseThrow(() -> new NotFoundException("ingest.error.noResource", code));
        viewer.requireSees(r.code());
        QuarantinedRow.Status wanted = status == null ? QuarantinedRow.Status.OPEN : Arrays.stream(QuarantinedRow.Status.values())
                .filter(s -> s.name().equalsIgnoreCase(status.strip())).findFirst().orElse(null);
        int from = Math.max(0, offset);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (QuarantinedRow.Status s : QuarantinedRow.Status.values()) {
            counts.put(s.name(), ingestion.quarantineCount(r.code(), s));
        }
        long total = wanted == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(wanted.name());
        model.addAttribute("resource", r);
        model.addAttribute("status", wanted);
        model.addAttribute("statusParam", wanted == null ? "ALL" : wanted.name());
        model.addAttribute("statuses", QuarantinedRow.Status.values());
        model.addAttribute("counts", counts);
        model.addAttribute("rows", ingestion.quarantine(r.code(), wanted, from, PAGE));
        model.addAttribute("codes", ingestion.openProblemCodes(r.code()));
        model.addAttribute("offset", from);
        model.addAttribute("next", from + PAGE < total ? from + PAGE : null);
        model.addAttribute("previous", from > 0 ? Math.max(0, from - PAGE) : null);
        return "ingest/quarantine";
    }

    @GetMapping("/{id}")
    String row(@PathVariable long id, Authentication user, Model model) {
        QuarantinedRow row = visibleRow(id, user);
        return detail(row, row.values(), row.problems(), null, model);
    }

    /** The correction form: one input {@code v<i>} per field of the resource, in the catalog's order. */
    @PostMapping("/{id}/correction")
    String correct(@PathVariable long id, @RequestParam Map<String, String> form, Authentication user, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        QuarantinedRow row = visibleRow(id, user);
        Resource r = catalog.getByCode(row.resourceCode());
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < r.fields().size(); i++) {
            String v = form.get("v" + i);
            if (v != null) {
                values.put(r.fields().get(i).name(), v.strip());
            }
        }
        CorrectionResult result = ingestion.correct(id, values, user.getName());
        if (result.accepted()) {
            redirect.addFlashAttribute("notice", "quarantine.corrected");
            redirect.addFlashAttribute("noticeArg", id);
            return "redirect:/console/ingest/quarantine?resource=" + encode(row.resourceCode());
        }
        Map<String, String> shown = new LinkedHashMap<>(row.values());
        shown.putAll(values);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("stillFailing", true);
        return detail(row, shown, result.problems(), null, model);
    }

    @PostMapping("/{id}/dismissal")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        QuarantinedRow row = visibleRow(id, user);
        try {
            ingestion.dismiss(id, reason, user.getName());
        } catch (InvalidInputException e) {
            if (!"reason".equals(e.field())) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detail(row, row.values(), row.problems(), "ingest.error.reasonRequired", model);
        }
        redirect.addFlashAttribute("notice", "quarantine.dismissed");
        redirect.addFlashAttribute("noticeArg", id);
        return "redirect:/console/ingest/quarantine?resource=" + encode(row.resourceCode());
    }

    @PostMapping("/replay")
    String replay(@RequestParam String resource, Authentication user, RedirectAttributes redirect) {
        IngestViewers.Viewer viewer = viewers.of(user, ROLES);
        Resource r = catalog.findByCode(resource.strip())
                .orElseThrow(() -> new NotFoundException("ingest.error.noResource", resource));
        viewer.requireSees(r.code());
        int passed = ingestion.replay(r.code(), user.getName());
        redirect.addFlashAttribute("notice", "quarantine.replayed");
        redirect.addFlashAttribute("noticeArg", passed + " / " + (passed + ingestion.quarantineCount(r.code(), QuarantinedRow.Status.OPEN)));
        return "redirect:/console/ingest/quarantine?resource=" + encode(r.code());
    }

    /** One field of the correction form. */
    record FieldLine(int index, ResourceField field, String landed, String value, List<QuarantineProblem> problems) {

        public boolean atFault() {
            return problems.stream().anyMatch(QuarantineProblem::rejects);
        }
    }

    private String detail(QuarantinedRow row, Map<String, String> shown, List<QuarantineProblem> problems,
                          String dismissError, Model model) {
        Resource r = catalog.findByCode(row.resourceCode()).orElse(null);
        List<FieldLine> lines = new ArrayList<>();
        List<QuarantineProblem> rowProblems = new ArrayList<>(problems);
        if (r != null) {
            for (int i = 0; i < r.fields().size(); i++) {
                ResourceField f = r.fields().get(i);
                List<QuarantineProblem> mine = problems.stream().filter(p -> f.name().equals(p.field())).toList();
                rowProblems.removeAll(mine);
                lines.add(new FieldLine(i, f, row.values().get(f.name()), shown.get(f.name()), mine));
            }
        }
        model.addAttribute("row", row);
        model.addAttribute("resource", r);
        model.addAttribute("fields", lines);
        model.addAttribute("problems", problems);
        model.addAttribute("rowProblems", rowProblems);
        model.addAttribute("dismissError", dismissError);
        return "ingest/quarantined-row";
    }

    private QuarantinedRow visibleRow(long id, Authentication user) {
        IngestViewers.Viewer viewer = viewers.of(user, ROLES);
        QuarantinedRow row = ingestion.quarantinedRow(id)
                .orElseThrow(() -> new NotFoundException("ingest.error.noSuchQuarantinedRow", id));
        viewer.requireSees(row.resourceCode());
        return row;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
