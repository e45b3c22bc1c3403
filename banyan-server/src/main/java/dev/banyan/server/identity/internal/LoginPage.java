package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.UserAccounts;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; explains a failed sign-in precisely (wrong password, locked until when, disabled). */
@Controller
class LoginPage {

    static final String LAST_USERNAME = "banyan.lastUsername";
    private static final DateTimeFormatter SHANGHAI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final UserAccounts accounts;

    LoginPage(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String disabled, HttpSession session, Model model) {
        if (disabled != null) {
            model.addAttribute("errorCode", "login.error.disabled");
        } else if (error != null) {
            Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            Object username = session.getAttribute(LAST_USERNAME);
            if (last instanceof LockedException && username instanceof String name) {
                model.addAttribute("errorCode", "login.error.locked");
                model.addAttribute("errorArg", accounts.findByUsername(name)
                        .map(a -> a.lockedUntil() == null ? "" : SHANGHAI_TIME.format(a.lockedUntil())).orElse(""));
            } else if (last instanceof DisabledException) {
                model.addAttribute("errorCode", "login.error.disabled");
            } else {
                model.addAttribute("errorCode", "login.error.bad");
            }
            model.addAttribute("username", username);
        }
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
