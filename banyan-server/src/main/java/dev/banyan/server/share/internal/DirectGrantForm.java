package dev.banyan.server.share.internal;

import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.RowCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A grant made directly by the administrator (直接授权), without an application — e.g. for a district's system that
 * may see only its own residents: service, client, purpose, fields in clear, a row scope written one condition a line
 * ({@code 户籍地址__division PREFIX 350102}), quota, rate and duration. Everything is checked before the grant is
 * made, the row scope against the service's STANDARD table; the client's department is told.
 */
@Component
class DirectGrantForm {

    static final int MAX_DAILY_QUOTA = 10_000_000;
    static final int MAX_RATE = 1000;

    private final DataServices services;
    private final GrantRegistry grants;
    private final StandardZone zone;
    private final ShareConsole console;
    private final Notifications notifications;

    DirectGrantForm(DataServices services, GrantRegistry grants, StandardZone zone, ShareConsole console,
                    Notifications notifications) {
        this.services = services;
        this.grants = grants;
        this.zone = zone;
        this.console = console;
        this.notifications = notifications;
    }

    /** The form as typed. */
    record Input(String serviceCode, String clientId, String purpose, List<String> fields, String rowScope,
                 String dailyQuota, String ratePerSecond, String days) {

        Input {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        static Input empty() {
            return new Input(null, null, null, List.of(), null, "1000", "10", "365");
        }

        static Input of(Map<String, String> form, List<String> fields) {
            return new Input(form.get("serviceCode"), form.get("clientId"), form.get("purpose"), fields, form.get("rowScope"),
                    form.get("dailyQuota"), form.get("ratePerSecond"), form.get("days"));
        }
    }

    void show(Input input, FormProblems problems, Model model) {
        DataService chosen = input.serviceCode() == null ? null : services.current(input.serviceCode()).orElse(null);
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("services", services.published());
        model.addAttribute("clients", console.clientNames().entrySet().stream()
                .filter(e -> console.client(e.getKey()).map(MachineClient::active).orElse(false)).toList());
        model.addAttribute("outputs", chosen == null ? List.of() : chosen.definition().output());
    }

    /**
     * Makes the grant.
     *
     * @throws InvalidInputException naming every problem; nothing is granted then
     */
    Grant grant(Input in, UserAccount admin) {
        List<InputProblem> problems = new ArrayList<>();
        DataService service = in.serviceCode() == null ? null : services.current(in.serviceCode()).orElse(null);
        if (service == null) {
            problems.add(InputProblem.of("serviceCode", "share.error.service.notFound", in.serviceCode()));
        }
        MachineClient client = console.client(in.clientId()).filter(MachineClient::active).orElse(null);
        if (client == null) {
            problems.add(InputProblem.of("clientId", "share.console.error.client", in.clientId()));
        }
        if (in.purpose() == null || in.purpose().isBlank() || in.purpose().length() > 500) {
            problems.add(InputProblem.of("purpose", "share.error.application.purpose"));
        }
        if (service != null) {
            for (int i = 0; i < in.fields().size(); i++) {
                if (!service.definition().output().contains(in.fields().get(i))) {
                    problems.add(InputProblem.of("fields[" + i + "]", "share.error.application.field", in.fields().get(i), service.code()));
                }
            }
        }
        List<RowCondition> scope = rowScope(in.rowScope(), service, problems);
        int quota = number(in.dailyQuota(), "dailyQuota", 1, MAX_DAILY_QUOTA, "share.console.error.range", problems);
        int rate = number(in.ratePerSecond(), "ratePerSecond", 1, MAX_RATE, "share.console.error.range", problems);
        int days = number(in.days(), "days", 1, 1095, "share.error.grant.days", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Grant g = grants.create(null, new GrantRegistry.Terms(service.code(), client.clientId(), client.departmentId(),
                in.purpose().strip(), new LinkedHashSet<>(in.fields()), scope, quota, rate, Duration.ofDays(days)), admin.username());
        notifications.tell(client.departmentId(), null, "grant.made", "share.console.notice.granted", "/console/share/grants",
                service.code(), client.clientId());
        return g;
    }

    /** One condition a line: field, operator, values separated by commas. */
    private List<RowCondition> rowScope(String text, DataService service, List<InputProblem> problems) {
        List<RowCondition> scope = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return scope;
        }
        StandardTableLayout layout = service == null || service.resourceCode() == null ? null
                : zone.layout(service.resourceCode()).orElse(null);
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String at = "rowScope[" + i + "]";
            String[] parts = lines[i].strip().split("\\s+", 3);
            ConditionOperator operator = parts.length == 3 ? operator(parts[1]) : null;
            if (operator == null) {
                problems.add(InputProblem.of(at, "share.console.error.rowScope", i + 1, lines[i].strip()));
                continue;
            }
            RowCondition c = new RowCondition(parts[0], operator, Arrays.stream(parts[2].split("[,，]"))
                    .map(String::strip).filter(v -> !v.isEmpty()).toList());
            if (layout != null) {
                TableServiceHandler.checkCondition(at, c, layout, problems);
            } else if (service != null) {
                problems.add(InputProblem.of(at, "share.console.error.rowScopeNoTable", service.code()));
            }
            scope.add(c);
        }
        return scope;
    }

    private static ConditionOperator operator(String s) {
        try {
            return ConditionOperator.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String typed, String field, int min, int max, String code, List<InputProblem> problems) {
        try {
            int n = Integer.parseInt(typed == null ? "" : typed.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(InputProblem.of(field, code, min, max));
        return 0;
    }
}
