package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import java.security.Principal;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account (我的账号): who they are, and changing their password. */
@Controller
@RequestMapping("/console/account")
class AccountPage {

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;

    AccountPage(UserAccounts accounts, DepartmentDirectory departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    @GetMapping
    String account(Principal principal, Model model) {
        UserAccount me = accounts.findByUsername(principal.getName()).orElseThrow();
        model.addAttribute("me", me);
        model.addAttribute("department", me.departmentId() == null ? null : departments.get(me.departmentId()));
        model.addAttribute("minPasswordLength", accounts.minPasswordLength());
        return "identity/account";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String confirmPassword,
                          Principal principal, Model model, RedirectAttributes redirect) {
        try {
            if (!Objects.equals(newPassword, confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "error.user.password.mismatch");
            }
            accounts.changeOwnPassword(principal.getName(), currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "account.password.changed");
            return "redirect:/console/account";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return account(principal, model);
        }
    }
}
