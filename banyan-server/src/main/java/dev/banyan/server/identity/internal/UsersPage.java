package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console page for people's accounts: list, create with roles, unlock (platform administrator). */
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
    String create(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        try {
            Set<Role> roles = form.getRoles() == null || form.getRoles().isEmpty() ? Set.of() : EnumSet.copyOf(form.getRoles());
            var created = accounts.create(new NewUser(form.getUsername(), form.getDisplayName(), form.getPassword(),
                    form.getDepartmentId(), roles));
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
    }
}
