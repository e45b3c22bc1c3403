package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.Grant;
import dev.banyan.server.web.NavigationItem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Grants in the console (授权管理): the grants a department holds as consumer and those on the services it owns —
 * service, client, fields in clear, row scope, quota, rate, expiry, status — revoked with a reason or renewed by so
 * many days by those the grant registry allows (the owner's staff, the consumer's chief data officer, the
 * administrator); the consumer's department is told. The administrator may also make a grant directly, with a row
 * scope ({@link DirectGrantForm}).
 */
@Controller
@RequestMapping("/console/share/grants")
class GrantsPage {

    private final GrantRegistry grants;
    private final ShareConsole console;
    private final Notifications notifications;
    private final DirectGrantForm direct;
    private final Clock clock;

    GrantsPage(GrantRegistry grants, ShareConsole console, Notifications notifications, DirectGrantForm direct, Clock clock) {
        this.grants = grants;
        this.console = console;
        this.notifications = notifications;
        this.direct = direct;
        this.clock = clock;
    }

    @Bean
    static NavigationItem shareGrantsNavigation() {
        return new NavigationItem("/console/share/grants", "share.console.nav.grants", "share.console.nav.grants.description",
                410, Set.of());
    }

    /**
     * A grant as the list shows it.
     *
     * @param state ACTIVE, EXPIRED, NOT_STARTED or REVOKED, as of now
     */
    record GrantRow(Grant grant, String service, String client, String consumer, String state, boolean mayChange) {
    }

    @GetMapping
    String list(Authentication user, Model model, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        List<Grant> all = viewer.admin() ? grants.all(500)
                : viewer.department() == null ? List.of() : grants.ofDepartment(viewer.department().id());
        Map<String, String> clients = console.clientNames();
        Map<Long, String> departments = console.departmentNames(locale);
        Instant now = clock.instant();
        List<GrantRow> rows = all.stream().map(g -> new GrantRow(g,
                console.service(g.serviceCode()).map(s -> s.name(locale)).orElse(g.serviceCode()),
                clients.getOrDefault(g.clientId(), g.clientId()), departments.getOrDefault(g.consumerDepartmentId(), "—"),
                state(g, now), viewer.account() != null && grants.mayChange(g, viewer.account()))).toList();
        model.addAttribute("held", viewer.department() == null ? List.of()
                : rows.stream().filter(r -> viewer.of(r.grant().consumerDepartmentId())).toList());
        model.addAttribute("given", rows.stream().filter(r -> !viewer.of(r.grant().consumerDepartmentId())).toList());
        model.addAttribute("admin", viewer.admin());
        return "share/grants";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
                  RedirectAttributes redirect, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        Grant g = changeable(id, viewer);
        try {
            grants.revoke(id, viewer.actor(), reason);
        } catch (InvalidInputException e) {
            return refused(redirect, e, locale);
        }
        return changed(g, "revoked", reason.strip(), id, redirect);
    }

    @PostMapping("/{id}/renew")
    String renew(@PathVariable long id, @RequestParam(required = false) String days, Authentication user,
                 RedirectAttributes redirect, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        Grant g = changeable(id, viewer);
        Grant renewed;
        try {
            renewed = grants.renew(id, viewer.actor(), parseDays(days));
        } catch (InvalidInputException e) {
            return refused(redirect, e, locale);
        }
        String until = ShareConsole.minutes(renewed.expiresAt());
        return changed(g, "renewed", until, until, redirect);
    }

    /** Tells the consumer's department what happened to its grant, and the person that it is done. */
    private String changed(Grant g, String what, String detail, Object noticeArg, RedirectAttributes redirect) {
        notifications.tell(g.consumerDepartmentId(), null, "grant." + what, "share.console.notice." + what,
                "/console/share/grants", g.serviceCode(), g.clientId(), detail);
        redirect.addFlashAttribute("notice", "share.console.grant." + what);
        redirect.addFlashAttribute("noticeArg", noticeArg);
        return "redirect:/console/share/grants";
    }

    /** The empty form, or the form again with what was typed when the service is changed. */
    @GetMapping("/new")
    String directForm(@RequestParam Map<String, String> form, @RequestParam(name = "fields", required = false) List<String> fields,
                      Authentication user, Model model) {
        requireAdmin(user);
        direct.show(form.containsKey("serviceCode") ? DirectGrantForm.Input.of(form, fields) : DirectGrantForm.Input.empty(),
                FormProblems.NONE, model);
        return "share/grant-new";
    }

    @PostMapping("/new")
    String grantDirectly(@RequestParam Map<String, String> form, @RequestParam(name = "fields", required = false) List<String> fields,
                         Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
        ShareViewer viewer = requireAdmin(user);
        DirectGrantForm.Input input = DirectGrantForm.Input.of(form, fields);
        try {
            Grant g = direct.grant(input, viewer.actor());
            redirect.addFlashAttribute("notice", "share.console.grant.made");
            redirect.addFlashAttribute("noticeArg", g.id());
            return "redirect:/console/share/grants";
        } catch (InvalidInputException e) {
            direct.show(input, console.problems(e, locale), model);
            return "share/grant-new";
        }
    }

    private ShareViewer requireAdmin(Authentication user) {
        ShareViewer viewer = console.viewer(user);
        viewer.require(viewer.admin(), "granting directly");
        return viewer;
    }

    private Grant changeable(long id, ShareViewer viewer) {
        Grant g = grants.find(id).orElseThrow(() -> new NotFoundException("share.error.grant.notFound", id));
        viewer.require(viewer.account() != null && grants.mayChange(g, viewer.account()), "changing grant " + id);
        return g;
    }

    /** A refused revocation or renewal: the list again, with what was wrong on top. */
    private String refused(RedirectAttributes redirect, InvalidInputException e, Locale locale) {
        redirect.addFlashAttribute("refused", console.problems(e, locale).all().stream().map(FormProblems.Problem::message).toList());
        return "redirect:/console/share/grants";
    }

    private static int parseDays(String days) {
        try {
            return Integer.parseInt(days == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(InputProblem.of("days", "share.error.grant.days", 1, 1095)));
        }
    }

    static String state(Grant g, Instant now) {
        if (g.status() == Grant.Status.REVOKED) {
            return "REVOKED";
        }
        return now.isBefore(g.startsAt()) ? "NOT_STARTED" : now.isBefore(g.expiresAt()) ? "ACTIVE" : "EXPIRED";
    }
}
