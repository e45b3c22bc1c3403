package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Console page where a department registers its applications and revokes them. Administrators see every
 * department's; chief data officers and developers see and manage their own department's only.
 */
@Controller
@RequestMapping("/console/clients")
class ClientsPage {

    private final MachineClients clients;
    private final DepartmentDirectory departments;
    private final UserAccounts accounts;

    ClientsPage(MachineClients clients, DepartmentDirectory departments, UserAccounts accounts) {
        this.clients = clients;
        this.departments = departments;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        UserAccount me = accounts.findByUsername(auth.getName()).orElseThrow();
        if (!model.containsAttribute("form")) {
            ClientForm form = new ClientForm();
            form.setDepartmentId(me.departmentId());
            form.setScopes(List.of(ApiScopes.DIRECTORY_READ));
            model.addAttribute("form", form);
        }
        boolean admin = me.has(Role.PLATFORM_ADMIN);
        model.addAttribute("clients", admin ? clients.all()
                : me.departmentId() == null ? List.of() : clients.ofDepartment(me.departmentId()));
        model.addAttribute("departments", admin ? departments.all()
                : me.departmentId() == null ? List.of() : List.of(departments.get(me.departmentId())));
        model.addAttribute("scopes", ApiScopes.grantableBy(me.roles()));
        model.addAttribute("tokenUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/oauth2/token").toUriString());
        model.addAttribute("apiUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/me").toUriString());
        model.addAttribute("departmentsById", departments.byId());
        return "identity/clients";
    }

    @PostMapping
    String register(@ModelAttribute("submitted") ClientForm form, Authentication auth, Model model) {
        try {
            UserAccount me = accounts.findByUsername(auth.getName()).orElseThrow();
            if (form.getDepartmentId() == null) {
                throw new InvalidInputException("departmentId", "error.required");
            }
            var registered = clients.register(form.getDepartmentId(), form.getName(),
                    form.getScopes() == null ? Set.of() : Set.copyOf(form.getScopes()), me);
            model.addAttribute("registered", registered);
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            model.addAttribute("form", form);
        }
        return list(auth, model);
    }

    @PostMapping("/{clientId}/revoke")
    String revoke(@PathVariable String clientId, Authentication auth, RedirectAttributes redirect) {
        UserAccount me = accounts.findByUsername(auth.getName()).orElseThrow();
        MachineClient client = clients.find(clientId).orElseThrow(() -> new NotFoundException("error.client.notFound", clientId));
        mayManage(me, client.departmentId());
        clients.revoke(clientId, me.username());
        redirect.addFlashAttribute("notice", "client.revoked");
        redirect.addFlashAttribute("noticeArg", clientId);
        return "redirect:/console/clients";
    }

    private static void mayManage(UserAccount me, long departmentId) {
        if (!me.has(Role.PLATFORM_ADMIN) && (me.departmentId() == null || me.departmentId() != departmentId)) {
            throw new InvalidInputException("departmentId", "error.client.otherDepartment");
        }
    }

    /** The registration form as typed. */
    static final class ClientForm {
        private Long departmentId;
        private String name;
        private List<String> scopes;

        public Long getDepartmentId() { return departmentId; }
        public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public List<String> getScopes() { return scopes; }
        public void setScopes(List<String> scopes) { this.scopes = scopes; }
    }
}
