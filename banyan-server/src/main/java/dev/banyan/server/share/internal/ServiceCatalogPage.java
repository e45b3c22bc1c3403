package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import dev.banyan.server.web.NavigationItem;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service catalog in the console (服务目录): every published data service with its kind, owner, resource, share
 * type and version, filtered by kind and department; and a service's page — parameters, output fields with their
 * catalog meaning and personal category, versions, the gateway URL with a curl example, its OpenAPI description, and
 * what the person may do with it: apply, try, publish a new version, retire.
 */
@Controller
@RequestMapping("/console/share/services")
class ServiceCatalogPage {


    private final DataServices services;
    private final Catalog catalog;
    private final StandardZone zone;
    private final ShareConsole console;
    private final DataElements elements;
    private final MessageSource messages;

    ServiceCatalogPage(DataServices services, Catalog catalog, StandardZone zone, ShareConsole console, DataElements elements,
                       MessageSource messages) {
        this.elements = elements;
        this.services = services;
        this.catalog = catalog;
        this.zone = zone;
        this.console = console;
        this.messages = messages;
    }

    @Bean
    static NavigationItem shareServicesNavigation() {
        return new NavigationItem("/console/share/services", "share.console.nav.services",
                "share.console.nav.services.description", 400, Set.of());
    }

    /** A row of the catalog. */
    record ServiceRow(DataService service, String owner, Resource resource) {
    }

    @GetMapping
    String list(@RequestParam(required = false) ServiceKind kind, @RequestParam(required = false) Long department,
                Authentication user, Model model, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        Map<Long, String> names = console.departmentNames(locale);
        List<DataService> published = services.published();
        model.addAttribute("rows", published.stream()
                .filter(s -> kind == null || s.kind() == kind)
                .filter(s -> department == null || s.ownerDepartmentId() == department)
                .map(s -> new ServiceRow(s, names.getOrDefault(s.ownerDepartmentId(), "#" + s.ownerDepartmentId()),
                        s.resourceCode() == null ? null : catalog.findByCode(s.resourceCode()).orElse(null)))
                .toList());
        model.addAttribute("kinds", ServiceKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("department", department);
        model.addAttribute("owners", published.stream().map(DataService::ownerDepartmentId).distinct()
                .map(id -> Map.entry(id, names.getOrDefault(id, "#" + id)))
                .sorted(Map.Entry.comparingByValue()).toList());
        model.addAttribute("mayPublish", viewer.admin() || viewer.staff());
        return "share/services";
    }

    @GetMapping("/{code}")
    String service(@PathVariable String code, Authentication user, Model model, Locale locale) {
        ShareViewer viewer = console.viewer(user);
        DataService service = console.service(code).orElseThrow(() -> new NotFoundException("share.error.service.notFound", code));
        describe(service, viewer, model, locale);
        return "share/service";
    }

    @PostMapping("/{code}/retire")
    String retire(@PathVariable String code, @RequestParam(required = false) String reason, Authentication user, Model model,
                  Locale locale, RedirectAttributes redirect) {
        ShareViewer viewer = console.viewer(user);
        DataService service = services.current(code).orElseThrow(() -> new NotFoundException("share.error.service.notFound", code));
        viewer.require(viewer.owns(service), "retiring " + code);
        try {
            services.retire(code, viewer.actor(), reason);
        } catch (InvalidInputException e) {
            describe(service, viewer, model, locale);
            model.addAttribute("problems", console.problems(e, locale));
            return "share/service";
        }
        redirect.addFlashAttribute("notice", "share.console.service.retired");
        redirect.addFlashAttribute("noticeArg", code);
        return "redirect:/console/share/services/" + code;
    }

    private void describe(DataService service, ShareViewer viewer, Model model, Locale locale) {
        ServiceDefinition d = service.definition();
        Resource resource = service.resourceCode() == null ? null : catalog.findByCode(service.resourceCode()).orElse(null);
        StandardTableLayout layout = service.resourceCode() == null ? null : zone.layout(service.resourceCode()).orElse(null);
        boolean live = service.status() == DataService.Status.PUBLISHED;
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        model.addAttribute("service", service);
        model.addAttribute("live", live);
        model.addAttribute("owner", console.departmentName(service.ownerDepartmentId(), locale));
        model.addAttribute("resource", resource);
        model.addAttribute("fields", ServiceField.of(d.output(), resource, layout, elements::find));
        model.addAttribute("groups", d.aggregation() == null ? List.of()
                : ServiceField.of(d.aggregation().groupBy(), resource, layout, elements::find));
        model.addAttribute("measures", d.aggregation() == null ? List.of() : d.aggregation().measures().stream()
                .map(m -> Map.entry(TableQuery.measureName(m), m.field() == null ? m.function() : m.function() + "(" + m.field() + ")"))
                .toList());
        model.addAttribute("versions", services.versions(service.code()).stream()
                .sorted(Comparator.comparingInt(DataService::version).reversed()).toList());
        model.addAttribute("gatewayUrl", base + GatewayEndpoint.PATH + service.code());
        model.addAttribute("curl", curl(base, service, locale));
        model.addAttribute("definition", ShareConsole.pretty(d));
        model.addAttribute("mayApply", live && viewer.staff() && !viewer.of(service.ownerDepartmentId()));
        model.addAttribute("mayTry", live && (viewer.owns(service) || viewer.staff()));
        model.addAttribute("mayChange", live && viewer.owns(service));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", FormProblems.NONE);
        }
    }

    /** The two commands a developer runs: a token with the client's credentials, then the call with it. */
    private String curl(String base, DataService service, Locale locale) {
        StringBuilder call = new StringBuilder("curl -G \"").append(base).append(GatewayEndpoint.PATH).append(service.code())
                .append("\" \\\n  -H \"Authorization: Bearer $TOKEN\"");
        for (ServiceParameter p : service.definition().parameters()) {
            if (p.required()) {
                call.append(" \\\n  --data-urlencode \"").append(p.name()).append('=').append(example(p)).append('"');
            }
        }
        return "# " + messages.getMessage("share.console.curl.token", null, locale) + "\n"
                + "TOKEN=$(curl -s -u \"$CLIENT_ID:$CLIENT_SECRET\" -d grant_type=client_credentials \\\n  "
                + base + "/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n\n"
                + "# " + messages.getMessage("share.console.curl.call", null, locale) + "\n" + call + "\n";
    }

    private static String example(ServiceParameter p) {
        return switch (Objects.requireNonNull(p.type())) {
            case CITIZEN_ID -> "11010519491231002X";
            case CREDIT_CODE -> "91350100M000100Y43";
            case DATE -> "2024-01-31";
            case INTEGER -> "1";
            case DECIMAL -> "1.5";
            case STRING -> "…";
        };
    }
}
