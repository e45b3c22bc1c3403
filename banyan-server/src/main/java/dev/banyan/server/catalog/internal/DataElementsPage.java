package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataAuthorities;
import dev.banyan.server.catalog.DataAuthority;
import dev.banyan.server.catalog.DataAuthorityChange;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.catalog.SubjectType;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.platform.InvalidInputException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data-element library (数据元) with each element's authoritative department (一数一源), visible to all;
 * the platform administrator defines elements and assigns or changes authorities, with history.
 */
@Controller
@RequestMapping("/console/catalog/elements")
class DataElementsPage {

    private final DataElements elements;
    private final DataAuthorities authorities;
    private final ResourceRows rows;
    private final DepartmentDirectory departments;
    private final CatalogActors actors;

    DataElementsPage(DataElements elements, DataAuthorities authorities, ResourceRows rows, DepartmentDirectory departments,
                     CatalogActors actors) {
        this.elements = elements;
        this.authorities = authorities;
        this.rows = rows;
        this.departments = departments;
        this.actors = actors;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        List<DataElement> all = elements.all();
        Map<String, DataAuthority> authorityOf = authorities.all().stream()
                .collect(Collectors.toMap(DataAuthority::dataElement, a -> a, (a, b) -> a));
        List<DataAuthorityChange> history = new ArrayList<>();
        for (DataAuthority a : authorities.all()) {
            history.addAll(authorities.history(a.dataElement(), a.subjectType()));
        }
        history.sort((a, b) -> b.changedAt().compareTo(a.changedAt()));
        model.addAttribute("elements", all);
        model.addAttribute("authorityOf", authorityOf);
        model.addAttribute("usage", all.stream().collect(Collectors.toMap(DataElement::code, e -> rows.usingElement(e.code()).size())));
        model.addAttribute("history", history);
        model.addAttribute("departmentsById", departments.byId());
        model.addAttribute("departments", departments.all());
        model.addAttribute("subjects", SubjectType.values());
        model.addAttribute("admin", actors.of(principal).isAdmin());
        return "catalog/elements";
    }

    @PostMapping("/authority")
    String assign(@RequestParam String dataElement, @RequestParam long departmentId, @RequestParam(required = false) String reason,
                  Principal principal, Model model, RedirectAttributes redirect) {
        try {
            authorities.assign(actors.of(principal), dataElement, departmentId, reason);
            redirect.addFlashAttribute("notice", "authority.assigned");
            redirect.addFlashAttribute("noticeArg", dataElement);
            return "redirect:/console/catalog/elements";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return list(principal, model);
        }
    }

    @PostMapping
    String define(@RequestParam(required = false) String code, @RequestParam(required = false) String nameZh,
                  @RequestParam(required = false) String nameEn, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String format, @RequestParam(required = false) String standard,
                  @RequestParam(required = false) SubjectType subjectType, @RequestParam(required = false) String aliases,
                  Principal principal, Model model, RedirectAttributes redirect) {
        try {
            elements.define(actors.of(principal), new DataElement(code, nameZh, nameEn, type, blank(format), blank(standard),
                    subjectType, aliases));
            redirect.addFlashAttribute("notice", "element.defined");
            redirect.addFlashAttribute("noticeArg", code);
            return "redirect:/console/catalog/elements";
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return list(principal, model);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
