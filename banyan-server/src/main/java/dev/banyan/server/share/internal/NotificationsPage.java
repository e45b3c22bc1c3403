package dev.banyan.server.share.internal;

import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's notifications from the exchange (消息通知): applications waiting for their department's decision,
 * decisions on its applications, grants revoked, renewed or made — newest first, unread ones marked, each with its
 * link; opening one marks it read. The administrator, who belongs to no department, sees the applications waiting
 * anywhere instead.
 */
@Controller
@RequestMapping("/console/share/notifications")
class NotificationsPage {

    private static final int SHOWN = 100;

    private final Notifications notifications;
    private final ShareApplications applications;
    private final ShareConsole console;
    private final MessageSource messages;

    NotificationsPage(Notifications notifications, ShareApplications applications, ShareConsole console, MessageSource messages) {
        this.notifications = notifications;
        this.applications = applications;
        this.console = console;
        this.messages = messages;
    }

    /** A notification as shown: its text in the reader's language. */
    record Shown(Notifications.Notification notification, String text, String at) {

        public boolean unread() {
            return notification.readAt() == null;
        }
    }

    @GetMapping
    String list(Authentication user, Model model, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        List<Shown> shown = viewer.account() == null || viewer.department() == null ? List.of()
                : notifications.forPerson(viewer.department().id(), viewer.account().roles(), SHOWN).stream()
                .map(n -> new Shown(n, text(n, locale), ShareConsole.minutes(n.createdAt()))).toList();
        model.addAttribute("notifications", shown);
        model.addAttribute("admin", viewer.admin());
        model.addAttribute("pendingAnywhere", viewer.admin() ? applications.all(1000).stream()
                .filter(a -> a.status() == ShareApplication.Status.PENDING).count() : 0);
        return "share/notifications";
    }

    /** Marks a notification read and, when asked, follows its link (only within the console). */
    @PostMapping("/{id}/read")
    String read(@PathVariable long id, @RequestParam(required = false) String next, Authentication user) {
        ShareViewer viewer = console.viewer(user);
        viewer.require(viewer.department() != null, "notifications");
        notifications.markRead(viewer.department().id(), id);
        return "redirect:" + (next != null && next.startsWith("/console/") && !next.contains("//") ? next : "/console/share/notifications");
    }

    @PostMapping("/read")
    String readAll(Authentication user) {
        ShareViewer viewer = console.viewer(user);
        viewer.require(viewer.account() != null && viewer.department() != null, "notifications");
        notifications.forPerson(viewer.department().id(), viewer.account().roles(), SHOWN).stream()
                .filter(n -> n.readAt() == null).forEach(n -> notifications.markRead(viewer.department().id(), n.id()));
        return "redirect:/console/share/notifications";
    }

    /**
     * The notification's message, its arguments made readable: a decision given as a message code in the reader's
     * language, an instant as a time in China.
     */
    private String text(Notifications.Notification n, Locale locale) {
        Object[] arguments = Arrays.stream(n.arguments()).map(a -> readable(a, locale)).toArray();
        return messages.getMessage(n.messageCode(), arguments, n.messageCode(), locale);
    }

    private Object readable(Object argument, Locale locale) {
        if (argument instanceof String s) {
            if (s.startsWith("share.")) {
                return messages.getMessage(s, null, s, locale);
            }
            if (s.length() >= 20 && s.endsWith("Z") && Character.isDigit(s.charAt(0))) {
                try {
                    return ShareConsole.minutes(Instant.parse(s));
                } catch (DateTimeParseException e) {
                    return s;
                }
            }
        }
        return argument;
    }
}
