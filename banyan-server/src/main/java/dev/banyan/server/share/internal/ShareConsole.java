package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.ServiceDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the exchange's console pages share (共享交换控制台): who is looking ({@link ShareViewer}), names of departments
 * and clients for display, problems of a form by field, times in China Standard Time — and, on each of these pages,
 * the person's unread notifications for the tab bar.
 */
@ControllerAdvice(assignableTypes = {ServiceCatalogPage.class, ServicePublishPage.class, ServiceTryOutPage.class,
        ApplicationsPage.class, GrantsPage.class, NotificationsPage.class})
class ShareConsole {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;
    private final MachineClients clients;
    private final DataServices services;
    private final Notifications notifications;
    private final MessageSource messages;

    ShareConsole(UserAccounts accounts, DepartmentDirectory departments, MachineClients clients, DataServices services,
                 Notifications notifications, MessageSource messages) {
        this.accounts = accounts;
        this.departments = departments;
        this.clients = clients;
        this.services = services;
        this.notifications = notifications;
        this.messages = messages;
    }

    ShareViewer viewer(Authentication user) {
        UserAccount account = user == null ? null : accounts.findByUsername(user.getName()).orElse(null);
        Department department = account == null || account.departmentId() == null ? null
                : departments.find(account.departmentId()).orElse(null);
        return new ShareViewer(account, department);
    }

    /** How many notifications the person has not read, for the badge on the tab bar. */
    @ModelAttribute("shareUnread")
    int unread(Authentication user) {
        ShareViewer v = viewer(user);
        return v.account() == null || v.department() == null ? 0 : notifications.unread(v.department().id(), v.account().roles());
    }

    /** Times as the pages show them, {@code ${chinaTime.minutes(at)}}: to the minute, in China Standard Time. */
    record ChinaTime() {

        public String minutes(Instant at) {
            return ShareConsole.minutes(at);
        }
    }

    @ModelAttribute("chinaTime")
    ChinaTime chinaTime() {
        return new ChinaTime();
    }

    String departmentName(long id, Locale locale) {
        return departments.find(id).map(d -> d.name(locale)).orElse("#" + id);
    }

    /** Department names by id, for a page's rows. */
    Map<Long, String> departmentNames(Locale locale) {
        Map<Long, String> names = new LinkedHashMap<>();
        departments.all().forEach(d -> names.put(d.id(), d.name(locale)));
        return names;
    }

    /** Client names by id, for a page's rows: the name a department gave its application, and the id. */
    Map<String, String> clientNames() {
        Map<String, String> names = new LinkedHashMap<>();
        clients.all().forEach(c -> names.put(c.clientId(), c.name()));
        return names;
    }

    /** A department's active clients. */
    List<MachineClient> activeClients(Department department) {
        return department == null ? List.of() : clients.ofDepartment(department.id()).stream().filter(MachineClient::active).toList();
    }

    Optional<MachineClient> client(String clientId) {
        return clientId == null ? Optional.empty() : clients.find(clientId);
    }

    /** The current version of a service, or its newest when retired: for pages about applications and grants. */
    Optional<DataService> service(String code) {
        return services.current(code).or(() -> services.versions(code).stream().findFirst());
    }

    /** The problems of a form, each message in the reader's language, by the field at fault. */
    FormProblems problems(InvalidInputException e, Locale locale) {
        return new FormProblems(e.problems().stream().map(p -> new FormProblems.Problem(p.field(),
                messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(), locale))).toList());
    }

    /** JSON as people read it: indented. */
    static String pretty(Object json) {
        return PRETTY.writeValueAsString(json);
    }

    /** A definition as people read it: its stored JSON, indented. */
    static String pretty(ServiceDefinition definition) {
        return pretty(PRETTY.readTree(ServiceDefinitionFormat.toJson(definition)));
    }

    static String minutes(Instant at) {
        return at == null ? "—" : MINUTES.format(at.atZone(CHINA));
    }
}
