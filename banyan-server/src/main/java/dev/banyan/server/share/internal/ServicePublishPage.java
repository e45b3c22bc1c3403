package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publishing a data service from the console (发布服务): a department's staff — or the administrator — paste or
 * upload a definition in YAML or JSON, or fill in a form over one of their department's governed resources:
 * kind, parameters, output fields ticked from the catalog's (personal ones marked), fixed conditions. A definition
 * with problems is shown again with every problem beside its field, and nothing is published.
 */
@Controller
@RequestMapping("/console/share/services/new")
class ServicePublishPage {

    private static final List<ServiceKind> FORM_KINDS = List.of(ServiceKind.LOOKUP, ServiceKind.LIST, ServiceKind.AGGREGATE);

    private final DataServices services;
    private final Catalog catalog;
    private final StandardZone zone;
    private final ShareConsole console;

    ServicePublishPage(DataServices services, Catalog catalog, StandardZone zone, ShareConsole console) {
        this.services = services;
        this.catalog = catalog;
        this.zone = zone;
        this.console = console;
    }

    /**
     * The empty form, the form again after its resource was changed (its inputs come along), or — {@code from} — the
     * text of a service's current definition to publish a new version of it.
     */
    @GetMapping
    String form(@RequestParam MultiValueMap<String, String> params, Authentication user, Model model) {
        ShareViewer viewer = publisher(user);
        String from = params.getFirst("from");
        String mode = "text".equals(params.getFirst("mode")) || from != null ? "text" : "form";
        String text = "";
        if (from != null) {
            DataService current = services.current(from).orElse(null);
            if (current != null && viewer.owns(current)) {
                text = ShareConsole.pretty(current.definition());
            }
        }
        ServiceForm form = params.containsKey("code") || params.containsKey("resource") ? ServiceForm.of(params)
                : ServiceForm.empty(null);
        show(viewer, mode, form, text, FormProblems.NONE, model);
        return "share/publish";
    }

    @PostMapping
    String publish(@RequestParam MultiValueMap<String, String> params,
                   @RequestParam(name = "file", required = false) MultipartFile file, Authentication user, Model model,
                   Locale locale, RedirectAttributes redirect) throws IOException {
        ShareViewer viewer = publisher(user);
        boolean text = "text".equals(params.getFirst("mode"));
        ServiceForm form = text ? ServiceForm.empty(null) : ServiceForm.of(params);
        String written = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : params.getFirst("definition");
        try {
            ServiceDefinition definition = text ? services.parse(written) : form.definition();
            DataService published = services.publish(definition, viewer.actor());
            redirect.addFlashAttribute("notice", "share.console.service.published");
            redirect.addFlashAttribute("noticeArg", published.version());
            return "redirect:/console/share/services/" + published.code();
        } catch (InvalidInputException e) {
            show(viewer, text ? "text" : "form", form, written == null ? "" : written, console.problems(e, locale), model);
            return "share/publish";
        }
    }

    private void show(ShareViewer viewer, String mode, ServiceForm form, String text, FormProblems problems, Model model) {
        List<Resource> resources = resources(viewer);
        // Only a resource the person may serve: another department's fields are not offered.
        String chosen = resources.stream().map(Resource::code).filter(c -> c.equals(form.resource())).findFirst()
                .orElse(resources.isEmpty() ? null : resources.getFirst().code());
        Resource resource = chosen == null ? null : catalog.findByCode(chosen).orElse(null);
        StandardTableLayout layout = chosen == null ? null : zone.layout(chosen).orElse(null);
        model.addAttribute("mode", mode);
        model.addAttribute("form", form);
        model.addAttribute("text", text);
        model.addAttribute("problems", problems);
        model.addAttribute("resources", resources);
        model.addAttribute("chosen", chosen);
        model.addAttribute("columns", layout == null ? List.of()
                : ServiceField.of(List.copyOf(layout.columns().keySet()), resource, layout));
        model.addAttribute("kinds", FORM_KINDS);
        model.addAttribute("types", ParameterType.values());
        model.addAttribute("parameterOperators", List.of(ConditionOperator.EQ, ConditionOperator.GE, ConditionOperator.LE));
        model.addAttribute("conditionOperators", ConditionOperator.values());
        model.addAttribute("functions", TableServiceHandler.MEASURES.stream().sorted().toList());
    }

    /** The resources a form may serve: governed (with a STANDARD table), shared, and the person's department's. */
    private List<Resource> resources(ShareViewer viewer) {
        List<Resource> candidates = viewer.admin() ? catalog.all() : catalog.ofProvider(viewer.department().id());
        return candidates.stream().filter(r -> r.shareType() != ShareType.NOT_SHARED && zone.exists(r.code()))
                .sorted(Comparator.comparing(Resource::code)).toList();
    }

    private ShareViewer publisher(Authentication user) {
        ShareViewer viewer = console.viewer(user);
        viewer.require(viewer.admin() || viewer.staff(), "publishing services");
        return viewer;
    }
}
