package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import dev.banyan.server.web.NavigationItem;
import dev.banyan.standards.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applications to use data services in the console (共享申请): a department's staff apply — service, client, purpose,
 * legal basis, fields wanted in clear, duration, expected volume; the consumer follows its applications and the owner
 * sees those waiting for it first, overdue ones marked (the deadline counts working days in China Standard Time); the
 * owner's chief data officer, or the administrator, approves or rejects with a reason; an application's page shows
 * the decision and the grant that came of it.
 */
@Controller
@RequestMapping("/console/share/applications")
class ApplicationsPage {

    private static final int DEFAULT_DAYS = 365;

    private final ShareApplications applications;
    private final DataServices services;
    private final Grants grants;
    private final ShareConsole console;
    private final Catalog catalog;
    private final Clock clock;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.chinaMainland();

    ApplicationsPage(ShareApplications applications, DataServices services, Grants grants, ShareConsole console,
                     Catalog catalog, Clock clock) {
        this.applications = applications;
        this.services = services;
        this.grants = grants;
        this.console = console;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Bean
    static NavigationItem shareApplicationsNavigation() {
        return new NavigationItem("/console/share/applications", "share.console.nav.applications",
                "share.console.nav.applications.description", 405, Set.of());
    }

    /**
     * An application as a list shows it.
     *
     * @param daysLeft working days left to decide (0 on the due day), negative when overdue; null when decided
     */
    record ApplicationRow(ShareApplication application, String service, String consumer, String owner, Integer daysLeft) {

        public boolean overdue() {
            return daysLeft != null && daysLeft < 0;
        }
    }

    @GetMapping
    String list(Authentication user, Model model, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        List<ShareApplication> all = viewer.admin() ? applications.all(500)
                : viewer.department() == null ? List.of() : applications.ofDepartment(viewer.department().id());
        List<ApplicationRow> rows = all.stream().map(a -> row(a, locale)).toList();
        // Pending first, the most urgent on top; then the rest, newest first.
        Comparator<ApplicationRow> urgency = Comparator.comparing((ApplicationRow r) -> r.daysLeft() == null)
                .thenComparing(r -> r.daysLeft() == null ? 0 : r.daysLeft());
        model.addAttribute("toDecide", rows.stream().filter(r -> r.application().status() == ShareApplication.Status.PENDING)
                .filter(r -> viewer.admin() || console.service(r.application().serviceCode()).map(s -> viewer.of(s.ownerDepartmentId())).orElse(false))
                .sorted(urgency).toList());
        model.addAttribute("ours", viewer.department() == null ? List.of()
                : rows.stream().filter(r -> viewer.of(r.application().consumerDepartmentId())).toList());
        model.addAttribute("theirs", rows.stream()
                .filter(r -> viewer.admin() ? true : !viewer.of(r.application().consumerDepartmentId()))
                .filter(r -> r.application().status() != ShareApplication.Status.PENDING).toList());
        model.addAttribute("mayApply", viewer.staff());
        return "share/applications";
    }

    /** The form: empty, for a service ({@code ?service=}), or again with what was typed when the service is changed. */
    @GetMapping("/new")
    String applyForm(@RequestParam MultiValueMap<String, String> form, Authentication user, Model model) {
        ShareViewer viewer = applicant(user);
        NewApplication a = form.containsKey("serviceCode") ? typed(form)
                : new NewApplication(form.getFirst("service"), null, null, null, List.of(), DEFAULT_DAYS, 1000);
        showForm(viewer, a, FormProblems.NONE, model);
        return "share/apply";
    }

    private static NewApplication typed(MultiValueMap<String, String> form) {
        return new NewApplication(form.getFirst("serviceCode"), form.getFirst("clientId"), form.getFirst("purpose"),
                form.getFirst("legalBasis"), form.getOrDefault("fields", List.of()), number(form.getFirst("durationDays")),
                number(form.getFirst("expectedDailyCalls")));
    }

    @PostMapping
    String apply(@RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale) {
        ShareViewer viewer = applicant(user);
        NewApplication a = typed(form);
        try {
            ShareApplication filed = applications.apply(a, viewer.actor());
            return "redirect:/console/share/applications/" + filed.id();
        } catch (InvalidInputException e) {
            showForm(viewer, a, console.problems(e, locale), model);
            return "share/apply";
        }
    }

    @GetMapping("/{id}")
    String application(@PathVariable long id, Authentication user, Model model, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        ShareApplication a = visible(id, viewer);
        show(a, viewer, FormProblems.NONE, model, locale);
        return "share/application";
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String reason,
                  Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
        ShareViewer viewer = console.viewer(user);
        ShareApplication a = visible(id, viewer);
        viewer.require(console.service(a.serviceCode()).map(viewer::decides).orElse(false), "deciding application " + id);
        try {
            if ("approve".equals(decision)) {
                applications.approve(id, viewer.actor(), reason);
                redirect.addFlashAttribute("notice", "share.console.application.approved");
            } else {
                applications.reject(id, viewer.actor(), reason);
                redirect.addFlashAttribute("notice", "share.console.application.rejected");
            }
            redirect.addFlashAttribute("noticeArg", id);
            return "redirect:/console/share/applications/" + id;
        } catch (InvalidInputException e) {
            show(a, viewer, console.problems(e, locale), model, locale);
            return "share/application";
        }
    }

    private void show(ShareApplication a, ShareViewer viewer, FormProblems problems, Model model, Locale locale) {
        DataService service = console.service(a.serviceCode()).orElse(null);
        model.addAttribute("row", row(a, locale));
        model.addAttribute("serviceVersion", service);
        model.addAttribute("client", console.client(a.clientId()).orElse(null));
        model.addAttribute("grant", grantOf(a).orElse(null));
        model.addAttribute("mayDecide", a.status() == ShareApplication.Status.PENDING && service != null && viewer.decides(service));
        model.addAttribute("problems", problems);
    }

    private java.util.Optional<Grant> grantOf(ShareApplication a) {
        if (a.status() != ShareApplication.Status.APPROVED) {
            return java.util.Optional.empty();
        }
        return grants.ofDepartment(a.consumerDepartmentId()).stream()
                .filter(g -> g.applicationId() != null && g.applicationId() == a.id()).findFirst();
    }

    private void showForm(ShareViewer viewer, NewApplication a, FormProblems problems, Model model) {
        DataService chosen = a.serviceCode() == null ? null : services.current(a.serviceCode()).orElse(null);
        model.addAttribute("draft", a);
        model.addAttribute("services", services.published().stream().filter(s -> !viewer.of(s.ownerDepartmentId())).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("fields", chosen == null ? List.of() : ServiceField.of(chosen.definition().output(),
                chosen.resourceCode() == null ? null : catalog.findByCode(chosen.resourceCode()).orElse(null), null));
        model.addAttribute("clients", console.activeClients(viewer.department()));
        model.addAttribute("problems", problems);
    }

    private ApplicationRow row(ShareApplication a, Locale locale) {
        String owner = console.service(a.serviceCode()).map(s -> console.departmentName(s.ownerDepartmentId(), locale)).orElse("—");
        String name = console.service(a.serviceCode()).map(s -> s.name(locale)).orElse(a.serviceCode());
        Integer left = null;
        if (a.status() == ShareApplication.Status.PENDING && a.dueAt() != null) {
            LocalDate today = LocalDate.now(clock.withZone(ShareConsole.CHINA));
            LocalDate due = a.dueAt().atZone(ShareConsole.CHINA).toLocalDate();
            left = clock.instant().isAfter(a.dueAt())
                    ? -Math.max(1, calendar.workingDaysBetween(due.plusDays(1), today.plusDays(1)))
                    : calendar.workingDaysBetween(today.plusDays(1), due.plusDays(1));
        }
        return new ApplicationRow(a, name, console.departmentName(a.consumerDepartmentId(), locale), owner, left);
    }

    /** The consumer's and the owner's staff see an application, and the administrator and auditors. */
    private ShareApplication visible(long id, ShareViewer viewer) {
        ShareApplication a = applications.find(id).orElseThrow(() -> new NotFoundException("share.error.application.notFound", id));
        boolean owner = console.service(a.serviceCode()).map(s -> viewer.of(s.ownerDepartmentId())).orElse(false);
        boolean auditor = viewer.account() != null && viewer.account().has(dev.banyan.server.identity.Role.AUDITOR);
        viewer.require(viewer.admin() || auditor || viewer.of(a.consumerDepartmentId()) || owner, "application " + id);
        return a;
    }

    private ShareViewer applicant(Authentication user) {
        ShareViewer viewer = console.viewer(user);
        viewer.require(viewer.staff(), "applying to use a service");
        return viewer;
    }

    /** A number typed in a form; 0 (refused by the service with a clear message) when it is not one. */
    private static int number(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
