package dev.banyan.server.share.internal;

import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Trying a data service from the console (在线试调用): the person fills in its parameters and the call goes through the
 * gateway in-process, logged like any other with the purpose {@code console try-out by <username>}. Who sees what is
 * decided as for real calls: the owning department's staff and the administrator see their own data, every field in
 * clear ({@link ServiceGateway.Caller#ownerTryOut}); a consumer calls as one of their department's clients, under
 * its grant — the fields it was not granted come masked or not at all, rows outside its scope are not found, and the
 * call counts against its quota.
 */
@Controller
@RequestMapping("/console/share/services/{code}/try")
class ServiceTryOutPage {

    /** The value of the {@code as} input that asks for the owner's view rather than a client's. */
    static final String AS_OWNER = "owner";

    private final ServiceGateway gateway;
    private final Grants grants;
    private final ShareConsole console;
    private final MessageSource messages;

    ServiceTryOutPage(ServiceGateway gateway, Grants grants, ShareConsole console, MessageSource messages) {
        this.gateway = gateway;
        this.grants = grants;
        this.console = console;
        this.messages = messages;
    }

    /** One of the person's department's clients that may call the service now, with its grant. */
    record GrantedClient(MachineClient client, Grant grant) {
    }

    @GetMapping
    String form(@PathVariable String code, Authentication user, Model model) {
        ShareViewer viewer = console.viewer(user);
        DataService service = live(code);
        show(service, viewer, AS_OWNER, Map.of(), model);
        return "share/try";
    }

    @PostMapping
    String call(@PathVariable String code, @RequestParam Map<String, String> form, Authentication user, Model model,
                Locale locale) {
        long start = System.nanoTime();
        ShareViewer viewer = console.viewer(user);
        DataService service = live(code);
        String as = form.getOrDefault("as", AS_OWNER);
        List<GrantedClient> clients = grantedClients(service, viewer);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (ServiceParameter p : service.definition().parameters()) {
            String v = form.get("param." + p.name());
            if (v != null && !v.isBlank()) {
                parameters.put(p.name(), v.strip());
            }
        }
        for (String reserved : List.of("fields", "page", "size")) {
            String v = form.get(reserved);
            if (v != null && !v.isBlank()) {
                parameters.put(reserved, v.strip());
            }
        }
        parameters.put("purpose", "console try-out by " + viewer.actor().username());
        ServiceGateway.Caller caller;
        if (AS_OWNER.equals(as)) {
            viewer.require(viewer.owns(service), "trying " + code + " as its owner");
            caller = ServiceGateway.Caller.ownerTryOut(viewer.actor().username(),
                    viewer.department() == null ? null : viewer.department().code());
        } else {
            GrantedClient chosen = clients.stream().filter(c -> c.client().clientId().equals(as)).findFirst().orElse(null);
            viewer.require(chosen != null, "trying " + code + " as client " + as);
            caller = new ServiceGateway.Caller(chosen.client().clientId(), viewer.department().code());
        }
        ServiceGateway.Outcome outcome = gateway.call(caller, code, parameters, start);
        Object body;
        if (outcome.refusal() != null) {
            body = GatewayEndpoint.problemBody(outcome.refusal(), GatewayEndpoint.PATH + code, messages, locale);
            model.addAttribute("status", outcome.refusal().status());
            model.addAttribute("outcome", outcome.refusal().outcome());
        } else {
            body = outcome.response().body();
            model.addAttribute("status", outcome.response().status());
            model.addAttribute("outcome", "SERVED");
        }
        model.addAttribute("answer", ShareConsole.pretty(body));
        show(service, viewer, as, form, model);
        return "share/try";
    }

    private void show(DataService service, ShareViewer viewer, String as, Map<String, String> form, Model model) {
        List<GrantedClient> clients = grantedClients(service, viewer);
        boolean owner = viewer.owns(service);
        viewer.require(owner || viewer.staff(), "trying " + service.code());
        model.addAttribute("service", service);
        model.addAttribute("owner", owner);
        model.addAttribute("clients", clients);
        model.addAttribute("as", owner || !AS_OWNER.equals(as) ? as : clients.isEmpty() ? "" : clients.getFirst().client().clientId());
        model.addAttribute("values", form);
        model.addAttribute("paged", service.kind() == ServiceKind.LIST);
        model.addAttribute("selectable", service.kind() == ServiceKind.LOOKUP || service.kind() == ServiceKind.LIST);
    }

    /** The person's department's active clients holding a live grant for the service. */
    private List<GrantedClient> grantedClients(DataService service, ShareViewer viewer) {
        if (!viewer.staff()) {
            return List.of();
        }
        return console.activeClients(viewer.department()).stream()
                .map(c -> grants.live(c.clientId(), service.code()).map(g -> new GrantedClient(c, g)).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
    }

    private DataService live(String code) {
        return console.service(code).filter(s -> s.status() == DataService.Status.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("share.error.service.notFound", code));
    }
}
