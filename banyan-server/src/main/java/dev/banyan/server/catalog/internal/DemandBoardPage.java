package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.DemandAnswer;
import dev.banyan.server.catalog.DemandAnswerKind;
import dev.banyan.server.catalog.DemandList;
import dev.banyan.server.catalog.DemandRequest;
import dev.banyan.server.catalog.NewDemand;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.InvalidInputException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demand list board (需求清单): file a request, answer the ones addressed to your department (or, as the
 * platform administrator, those with no known owner), overdue ones highlighted, and each department's figures.
 */
@Controller
@RequestMapping("/console/catalog/demands")
class DemandBoardPage {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private final DemandList demands;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final CatalogActors actors;
    private final Clock clock;

    DemandBoardPage(DemandList demands, Catalog catalog, DepartmentDirectory departments, CatalogActors actors, Clock clock) {
        this.demands = demands;
        this.catalog = catalog;
        this.departments = departments;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping
    String board(Principal principal, Model model) {
        CatalogActor actor = actors.of(principal);
        List<DemandRequest> list = actor.isAdmin() || actor.departmentId() == null ? demands.all()
                : demands.involving(actor.departmentId());
        model.addAttribute("requests", list);
        model.addAttribute("now", clock.instant());
        model.addAttribute("actor", actor);
        model.addAttribute("departmentsById", departments.byId());
        model.addAttribute("departments", departments.all());
        // Only the resources the listed requests name, not the whole catalog.
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        for (DemandRequest r : list) {
            for (Long id : java.util.Arrays.asList(r.resourceId(), r.answerResourceId())) {
                if (id != null) {
                    codes.computeIfAbsent(id, k -> catalog.find(k).map(res -> res.code()).orElse(""));
                }
            }
        }
        model.addAttribute("resourceCodes", codes);
        model.addAttribute("kinds", DemandAnswerKind.values());
        model.addAttribute("metrics", demands.metrics());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("answerable", list.stream().filter(r -> r.isOpen() && canAnswer(actor, r)).map(DemandRequest::id).toList());
        return "catalog/demands";
    }

    /** The resource a person named by its code, which is what they see in the catalog. */
    private Long resourceId(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return catalog.findByCode(code.strip()).map(r -> r.id())
                .orElseThrow(() -> new InvalidInputException("resourceId", "error.catalog.resource.notFound", code.strip()));
    }

    static boolean canAnswer(CatalogActor a, DemandRequest r) {
        return a.isAdmin() || r.ownerId() != null && a.belongsTo(r.ownerId())
                && (a.has(Role.DATA_LIAISON) || a.has(Role.CHIEF_DATA_OFFICER));
    }

    @PostMapping
    String file(@RequestParam(required = false) String title, @RequestParam(required = false) String purpose,
                @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String resourceCode,
                @RequestParam(required = false) Long ownerId, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            DemandRequest r = demands.file(actors.of(principal), new NewDemand(title, purpose, legalBasis,
                    resourceId(resourceCode), ownerId));
            redirect.addFlashAttribute("notice", "demand.filed");
            redirect.addFlashAttribute("noticeArg", r.id() + " · " + SHOWN.format(r.deadline()));
            return "redirect:/console/catalog/demands";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return board(principal, model);
        }
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) DemandAnswerKind kind,
                  @RequestParam(required = false) String resourceCode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishBy,
                  @RequestParam(required = false) String reason, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            demands.answer(actors.of(principal), id, new DemandAnswer(kind, resourceId(resourceCode), publishBy, reason));
            redirect.addFlashAttribute("notice", "demand.answered");
            redirect.addFlashAttribute("noticeArg", id);
            return "redirect:/console/catalog/demands";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return board(principal, model);
        }
    }
}
