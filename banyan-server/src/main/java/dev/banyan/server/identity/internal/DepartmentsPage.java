package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentChange;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages listing, registering and editing the departments (platform administrator). */
@Controller
@RequestMapping("/console/departments")
class DepartmentsPage {

    private final DepartmentDirectory departments;
    private final UserAccounts accounts;

    DepartmentsPage(DepartmentDirectory departments, UserAccounts accounts) {
        this.departments = departments;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DepartmentForm());
        }
        model.addAttribute("departments", departments.all());
        model.addAttribute("levels", DepartmentLevel.values());
        // 首席数据官制度: each department shows who answers for its data.
        List<UserAccount> all = accounts.all();
        model.addAttribute("departmentsById", departments.byId());
        model.addAttribute("officers", officers(all, Role.CHIEF_DATA_OFFICER));
        model.addAttribute("liaisons", officers(all, Role.DATA_LIAISON));
        return "identity/departments";
    }

    private static Map<Long, String> officers(List<UserAccount> accounts, Role role) {
        return accounts.stream()
                .filter(a -> a.departmentId() != null && a.has(role))
                .collect(Collectors.groupingBy(UserAccount::departmentId, TreeMap::new,
                        Collectors.mapping(UserAccount::displayName, Collectors.joining("、"))));
    }

    @PostMapping
    String register(@ModelAttribute("form") DepartmentForm form, java.security.Principal principal, Model model,
                    RedirectAttributes redirect) {
        try {
            var created = departments.register(principal.getName(), new NewDepartment(form.getCode(), form.getNameZh(), form.getNameEn(),
                    form.getCreditCode(), form.getLevel(), form.getParentId()));
            redirect.addFlashAttribute("notice", "department.created");
            redirect.addFlashAttribute("noticeArg", created.nameZh());
            return "redirect:/console/departments";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return list(model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Department d = departments.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DepartmentForm.of(d));
        }
        model.addAttribute("department", d);
        model.addAttribute("levels", DepartmentLevel.values());
        // A department cannot sit below itself: its own sub-departments are not offered as parents.
        model.addAttribute("parents", departments.all().stream().filter(p -> !isBelow(p, id)).toList());
        return "identity/department-edit";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") DepartmentForm form, Principal principal, Model model,
                  RedirectAttributes redirect) {
        try {
            Department updated = departments.update(principal.getName(), id, new DepartmentChange(form.getNameZh(),
                    form.getNameEn(), form.getCreditCode(), form.getLevel(), form.getParentId()));
            redirect.addFlashAttribute("notice", "department.updated");
            redirect.addFlashAttribute("noticeArg", updated.nameZh());
            return "redirect:/console/departments";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return edit(id, model);
        }
    }

    private boolean isBelow(Department d, long id) {
        Map<Long, Department> byId = departments.byId();
        Department at = d;
        for (int depth = 0; at != null && depth < 64; depth++) {
            if (at.id() == id) {
                return true;
            }
            at = at.parentId() == null ? null : byId.get(at.parentId());
        }
        return false;
    }

    /** The registration and edit form as typed. */
    static final class DepartmentForm {
        private String code;
        private String nameZh;
        private String nameEn;
        private String creditCode;
        private DepartmentLevel level = DepartmentLevel.CITY;
        private Long parentId;

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public String getCreditCode() { return creditCode; }
        public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
        public DepartmentLevel getLevel() { return level; }
        public void setLevel(DepartmentLevel level) { this.level = level; }
        public Long getParentId() { return parentId; }
        public void setParentId(Long parentId) { this.parentId = parentId; }

        static DepartmentForm of(Department d) {
            DepartmentForm f = new DepartmentForm();
            f.code = d.code();
            f.nameZh = d.nameZh();
            f.nameEn = d.nameEn();
            f.creditCode = d.creditCode();
            f.level = d.level();
            f.parentId = d.parentId();
            return f;
        }
    }
}
