package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.identity.UserChange;
import dev.banyan.server.platform.InvalidInputException;
import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages for people's accounts (platform administrator): list, create with roles, unlock; and one account's
 * page to change its name, department and roles, disable or enable it, and give it a new password.
 */
@Controller
@RequestMapping("/console/users")
class UsersPage {

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;
    private final Clock clock;

    UsersPage(UserAccounts accounts, DepartmentDirectory departments, Clock clock) {
        this.accounts = accounts;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm());
        }
        model.addAttribute("users", accounts.all());
        model.addAttribute("departments", departments.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("departmentsById", departments.byId());
        return "identity/users";
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            var created = accounts.create(principal.getName(), new NewUser(form.getUsername(), form.getDisplayName(), form.getPassword(),
                    form.getDepartmentId(), roles(form)));
            redirect.addFlashAttribute("notice", "user.created");
            redirect.addFlashAttribute("noticeArg", created.username());
            return "redirect:/console/users";
        } catch (InvalidInputException e) {
            form.setPassword(null);
            model.addAttribute("invalid", e);
            return list(model);
        }
    }

    /** Unlocks an account; from htmx only the account's row is re-rendered, otherwise the page. */
    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes redirect) {
        accounts.unlock(id);
        if (htmx != null) {
            model.addAttribute("users", java.util.List.of(accounts.get(id)));
            model.addAttribute("departmentsById", departments.byId());
            model.addAttribute("now", clock.instant());
            return "identity/users :: row";
        }
        redirect.addFlashAttribute("notice", "user.unlocked");
        return "redirect:/console/users";
    }

    /** One account: change its name, department and roles, disable or enable it, give it a new password. */
    @GetMapping("/{id}")
    String account(@PathVariable long id, Model model) {
        UserAccount account = accounts.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", UserForm.of(account));
        }
        model.addAttribute("account", account);
        model.addAttribute("departments", departments.all());
        model.addAttribute("departmentsById", departments.byId());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("minPasswordLength", accounts.minPasswordLength());
        return "identity/user";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserForm form, Principal principal, Model model,
                  RedirectAttributes redirect) {
        try {
            UserAccount updated = accounts.update(principal.getName(), id,
                    new UserChange(form.getDisplayName(), form.getDepartmentId(), roles(form)));
            return done(updated, "user.updated", redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return account(id, model);
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            return done(accounts.disable(principal.getName(), id), "user.disabledNotice", redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return account(id, model);
        }
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return done(accounts.enable(principal.getName(), id), "user.enabledNotice", redirect);
    }

    /** A new random password, shown in this response only. */
    @PostMapping("/{id}/password/reset")
    String resetPassword(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("newPassword", accounts.resetPassword(principal.getName(), id));
        return account(id, model);
    }

    @PostMapping("/{id}/password")
    String setPassword(@PathVariable long id, @RequestParam(required = false) String password, Principal principal,
                       Model model, RedirectAttributes redirect) {
        try {
            accounts.setPassword(principal.getName(), id, password);
            return done(accounts.get(id), "user.password.setDone", redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return account(id, model);
        }
    }

    private static String done(UserAccount account, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", account.username());
        return "redirect:/console/users/" + account.id();
    }

    private static Set<Role> roles(UserForm form) {
        return form.getRoles() == null || form.getRoles().isEmpty() ? Set.of() : EnumSet.copyOf(form.getRoles());
    }

    /** The account form as typed. */
    static final class UserForm {
        private String username;
        private String displayName;
        private String password;
        private Long departmentId;
        private List<Role> roles;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Long getDepartmentId() { return departmentId; }
        public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
        public List<Role> getRoles() { return roles; }
        public void setRoles(List<Role> roles) { this.roles = roles; }

        static UserForm of(UserAccount a) {
            UserForm f = new UserForm();
            f.username = a.username();
            f.displayName = a.displayName();
            f.departmentId = a.departmentId();
            f.roles = a.roles().stream().sorted().toList();
            return f;
        }
    }
}
