package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.DataAuthorities;
import dev.banyan.server.catalog.DataAuthority;
import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.DemandList;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A resource's page (资源详情) — metadata, fields with their data elements and authoritative sources, the
 * department's chief data officer and liaison, the history, who asked for it — its editor, and the lifecycle
 * buttons that the person may use.
 */
@Controller
@RequestMapping("/console/catalog/resources")
class ResourcePage {

    private final Catalog catalog;
    private final DataElements elements;
    private final DataAuthorities authorities;
    private final DemandList demands;
    private final DepartmentDirectory departments;
    private final UserAccounts accounts;
    private final CatalogActors actors;

    ResourcePage(Catalog catalog, DataElements elements, DataAuthorities authorities, DemandList demands,
                 DepartmentDirectory departments, UserAccounts accounts, CatalogActors actors) {
        this.catalog = catalog;
        this.elements = elements;
        this.authorities = authorities;
        this.demands = demands;
        this.departments = departments;
        this.accounts = accounts;
        this.actors = actors;
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Principal principal, Model model) {
        Resource r = catalog.get(id);
        CatalogActor actor = actors.of(principal);
        Map<String, DataElement> byCode = elements.byCode();
        Map<String, DataAuthority> authorityOf = new LinkedHashMap<>();
        for (ResourceField f : r.fields()) {
            DataElement e = f.dataElement() == null ? null : byCode.get(f.dataElement());
            if (e != null) {
                authorities.current(e.code(), e.subjectType()).ifPresent(a -> authorityOf.put(e.code(), a));
            }
        }
        List<UserAccount> staff = accounts.all().stream().filter(a -> a.departmentId() != null && a.departmentId() == r.providerId()).toList();
        model.addAttribute("r", r);
        model.addAttribute("elements", byCode);
        model.addAttribute("authorityOf", authorityOf);
        model.addAttribute("departmentsById", departments.byId());
        model.addAttribute("provider", departments.get(r.providerId()));
        model.addAttribute("officers", names(staff, Role.CHIEF_DATA_OFFICER));
        model.addAttribute("liaisons", names(staff, Role.DATA_LIAISON));
        model.addAttribute("versions", catalog.versions(id));
        model.addAttribute("demands", demands.aboutResource(id));
        model.addAttribute("canEdit", CatalogConsole.canEdit(actor, r));
        model.addAttribute("canSubmit", CatalogConsole.canSubmit(actor, r));
        model.addAttribute("canReview", actor.isAdmin() && r.status() == dev.banyan.server.catalog.ResourceStatus.PENDING_REVIEW);
        model.addAttribute("canRetire", CatalogConsole.canRetire(actor, r));
        return "catalog/resource";
    }

    private static String names(List<UserAccount> staff, Role role) {
        return staff.stream().filter(a -> a.has(role)).map(UserAccount::displayName).collect(Collectors.joining("、"));
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) Long providerId, @RequestParam(required = false) String classification,
                  Principal principal, Model model) {
        CatalogActor actor = actors.of(principal);
        ResourceForm form = new ResourceForm();
        Long provider = providerId != null ? providerId : actor.departmentId();
        if (provider != null && departments.find(provider).isPresent()) {
            form.setProviderId(provider);
            form.setCode(catalog.suggestCode(classification == null ? "301001" : classification, provider));
        }
        return editor(form.withSpareRows(), null, actor, model);
    }

    @PostMapping
    String draft(@ModelAttribute("form") ResourceForm form, Principal principal, Model model, RedirectAttributes redirect) {
        CatalogActor actor = actors.of(principal);
        try {
            Resource r = catalog.draft(actor, form.toDraft());
            redirect.addFlashAttribute("notice", "catalog.resource.created");
            redirect.addFlashAttribute("noticeArg", r.code());
            return "redirect:/console/catalog/resources/" + r.id();
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return editor(form.withSpareRows(), null, actor, model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Principal principal, Model model) {
        Resource r = catalog.get(id);
        return editor(ResourceForm.of(r).withSpareRows(), r, actors.of(principal), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ResourceForm form, Principal principal, Model model,
                  RedirectAttributes redirect) {
        CatalogActor actor = actors.of(principal);
        try {
            Resource r = catalog.update(actor, id, form.toDraft(), form.getReason());
            redirect.addFlashAttribute("notice", "catalog.resource.created");
            redirect.addFlashAttribute("noticeArg", r.code());
            return "redirect:/console/catalog/resources/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("invalid", e);
            return editor(form.withSpareRows(), catalog.get(id), actor, model);
        }
    }

    private String editor(ResourceForm form, Resource existing, CatalogActor actor, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("providers", CatalogConsole.draftableDepartments(actor, departments));
        model.addAttribute("elementList", elements.all());
        model.addAttribute("domains", DataDomain.values());
        model.addAttribute("cycles", UpdateCycle.values());
        model.addAttribute("shareTypes", ShareType.values());
        model.addAttribute("openTypes", OpenType.values());
        model.addAttribute("grades", DataGrade.values());
        model.addAttribute("piValues", PersonalInformation.values());
        return "catalog/editor";
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return done(catalog.submit(actors.of(principal), id), "catalog.resource.submitted", redirect);
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) String comment, Principal principal,
                   RedirectAttributes redirect) {
        return done(catalog.publish(actors.of(principal), id, comment), "catalog.resource.published", redirect);
    }

    @PostMapping("/{id}/return")
    String returnForRevision(@PathVariable long id, @RequestParam(required = false) String comment, Principal principal,
                             RedirectAttributes redirect) {
        return done(catalog.returnForRevision(actors.of(principal), id, comment), "catalog.resource.returned", redirect);
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(required = false) String reason, Principal principal,
                  RedirectAttributes redirect) {
        return done(catalog.retire(actors.of(principal), id, reason), "catalog.resource.retired", redirect);
    }

    private static String done(Resource r, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", r.code());
        return "redirect:/console/catalog/resources/" + r.id();
    }
}
