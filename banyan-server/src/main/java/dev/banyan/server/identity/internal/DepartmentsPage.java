package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console page listing the departments and registering new ones (platform administrator). */
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
    String register(@ModelAttribute("form") DepartmentForm form, Model model, RedirectAttributes redirect) {
        try {
            var created = departments.register(new NewDepartment(form.getCode(), form.getNameZh(), form.getNameEn(),
                    form.getCreditCode(), form.getLevel(), form.getParentId()));
            redirect.addFlashAttribute("notice", "department.created");
            redirect.addFlashAttribute("noticeArg", created.nameZh());
            return "redirect:/console/departments";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return list(model);
        }
    }

    /** The registration form as typed. */
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
    }
}
