package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.SubscriptionEvent;
import dev.banyan.server.share.Subscriptions;
import dev.banyan.server.web.NavigationItem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
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
 * The console's subscription pages (数据推送): a consumer department's staff subscribe with one of its live grants,
 * pause, resume, rotate the secret, delete, and follow each subscription's pending, failed and delivered events with
 * their attempts — replaying one, every failed one, or a time range. The owning department's staff, the platform
 * administrator and auditors see the subscriptions on their services, read-only.
 */
@Controller
@RequestMapping("/console/share/subscriptions")
class SubscriptionConsole {

    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON,
            Role.DEPARTMENT_DEVELOPER, Role.AUDITOR);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 50;

    private final Subscriptions subscriptions;
    private final Grants grants;
    private final DataServices services;
    private final UserAccounts accounts;
    private final Clock clock;

    SubscriptionConsole(Subscriptions subscriptions, Grants grants, DataServices services, UserAccounts accounts,
                        Clock clock) {
        this.subscriptions = subscriptions;
        this.grants = grants;
        this.services = services;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Bean
    static NavigationItem subscriptionsNavigation() {
        return new NavigationItem("/console/share/subscriptions", "share.subscription.nav",
                "share.subscription.nav.description", 420, ROLES.stream().map(Role::name).collect(Collectors.toSet()));
    }

    /** A subscription in the list, with its service's name and its events' counts. */
    record Row(Subscription subscription, String serviceName, Map<SubscriptionEvent.Status, Long> counts, boolean manageable) {
    }

    /** A grant the user's department may subscribe with. */
    record GrantOption(Grant grant, String serviceName) {
    }

    @GetMapping
    String list(Authentication user, Model model, Locale locale) {
        SubscriptionActor actor = actor(user);
        List<Row> rows = new ArrayList<>();
        for (Subscription s : subscriptions.visibleTo(actor)) {
            rows.add(new Row(s, serviceName(s.serviceCode(), locale), subscriptions.counts(s.id(), actor),
                    subscriptions.manageable(s, actor)));
        }
        model.addAttribute("rows", rows);
        List<GrantOption> options = subscribable(actor, locale);
        model.addAttribute("grants", options);
        model.addAttribute("canSubscribe", !options.isEmpty());
        return "share/subscriptions";
    }

    @PostMapping
    String subscribe(@RequestParam long grantId, @RequestParam String url, @RequestParam(required = false) String conditions,
                     @RequestParam(required = false) String description, Authentication user,
                     RedirectAttributes redirect) {
        IssuedSubscription issued = subscriptions.subscribe(new NewSubscription(grantId, url, ConditionText.parse(conditions),
                description), actor(user));
        redirect.addFlashAttribute("secret", issued.secret());
        redirect.addFlashAttribute("notice", "share.subscription.created");
        redirect.addFlashAttribute("noticeArg", issued.subscription().id());
        return "redirect:/console/share/subscriptions/" + issued.subscription().id();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String status,
                  @RequestParam(defaultValue = "0") int offset, Authentication user, Model model, Locale locale) {
        SubscriptionActor actor = actor(user);
        Subscription s = subscriptions.get(id, actor);
        SubscriptionEvent.Status filter = status == null || status.isBlank() ? null : status(status);
        model.addAttribute("s", s);
        model.addAttribute("serviceName", serviceName(s.serviceCode(), locale));
        model.addAttribute("conditions", ConditionText.format(s.conditions()));
        Map<SubscriptionEvent.Status, Long> counts = subscriptions.counts(id, actor);
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("events", subscriptions.events(id, filter, Math.max(0, offset), PAGE, actor));
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("offset", Math.max(0, offset));
        model.addAttribute("page", PAGE);
        model.addAttribute("manageable", subscriptions.manageable(s, actor));
        model.addAttribute("statuses", SubscriptionEvent.Status.values());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), SHANGHAI).withSecond(0).withNano(0);
        model.addAttribute("rangeFrom", now.minusHours(1).toString());
        model.addAttribute("rangeTo", now.plusMinutes(1).toString());
        return "share/subscription";
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        subscriptions.pause(id, actor(user));
        return done(id, redirect, "share.subscription.pausedNotice", id);
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        subscriptions.resume(id, actor(user));
        return done(id, redirect, "share.subscription.resumedNotice", id);
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", subscriptions.rotateSecret(id, actor(user)).secret());
        return done(id, redirect, "share.subscription.rotatedNotice", id);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        subscriptions.delete(id, actor(user));
        redirect.addFlashAttribute("notice", "share.subscription.deletedNotice");
        redirect.addFlashAttribute("noticeArg", id);
        return "redirect:/console/share/subscriptions";
    }

    @PostMapping("/{id}/replay-failed")
    String replayFailed(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return done(id, redirect, "share.subscription.replayedNotice", subscriptions.replayFailed(id, actor(user)));
    }

    @PostMapping("/{id}/redeliver")
    String redeliver(@PathVariable long id, @RequestParam String from, @RequestParam String to, Authentication user,
                     RedirectAttributes redirect) {
        return done(id, redirect, "share.subscription.replayedNotice",
                subscriptions.redeliver(id, local(from, "from"), local(to, "to"), actor(user)));
    }

    @PostMapping("/{id}/events/{eventId}/replay")
    String replay(@PathVariable long id, @PathVariable long eventId, Authentication user, RedirectAttributes redirect) {
        return done(id, redirect, "share.subscription.replayedNotice", subscriptions.replay(id, eventId, actor(user)));
    }

    @PostMapping("/{id}/events/{eventId}/skip")
    String skip(@PathVariable long id, @PathVariable long eventId, Authentication user, RedirectAttributes redirect) {
        subscriptions.skip(id, eventId, actor(user));
        return done(id, redirect, "share.subscription.skippedNotice", eventId);
    }

    private static String done(long id, RedirectAttributes redirect, String notice, Object argument) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", argument);
        return "redirect:/console/share/subscriptions/" + id;
    }

    private List<GrantOption> subscribable(SubscriptionActor actor, Locale locale) {
        if (actor.departmentId() == null || SubscriptionService.MANAGERS.stream().noneMatch(actor::has)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<GrantOption> options = new ArrayList<>();
        for (Grant g : grants.ofDepartment(actor.departmentId())) {
            if (g.consumerDepartmentId() != actor.departmentId() || !g.liveAt(now)) {
                continue;
            }
            services.current(g.serviceCode())
                    .filter(v -> v.kind() == ServiceKind.LOOKUP || v.kind() == ServiceKind.LIST)
                    .ifPresent(v -> options.add(new GrantOption(g, v.name(locale))));
        }
        return options;
    }

    private String serviceName(String code, Locale locale) {
        return services.current(code).map(v -> v.name(locale)).orElse(code);
    }

    private static SubscriptionEvent.Status status(String text) {
        try {
            return SubscriptionEvent.Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "share.subscription.error.status", text);
        }
    }

    private static Instant local(String text, String field) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(SHANGHAI).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException(field, "share.subscription.error.range");
        }
    }

    private SubscriptionActor actor(Authentication user) {
        UserAccount account = user == null ? null : accounts.findByUsername(user.getName()).orElse(null);
        if (account == null || ROLES.stream().noneMatch(account::has)) {
            throw new AccessDeniedException("subscriptions are for departments' staff, the administrator and auditors");
        }
        return SubscriptionActor.of(account);
    }
}
