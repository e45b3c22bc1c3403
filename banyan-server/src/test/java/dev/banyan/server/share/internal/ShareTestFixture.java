package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.fuse.internal.FuseTestCity;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the exchange's tests share: the small landed city, the demo's service definitions published, people of the
 * city's departments, machine clients with their tokens, and plain HTTP to the running server.
 */
@Component
class ShareTestFixture {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final List<DemoStep> steps;
    private final Ingestion ingestion;
    private final IngestJobs jobs;
    private final CityDatasetResources resources;
    private final DatabaseInfo database;
    private final DataServices services;
    private final UserAccounts accounts;
    private final DepartmentDirectory departments;
    private final MachineClients clients;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    ShareTestFixture(List<DemoStep> steps, Ingestion ingestion, IngestJobs jobs, CityDatasetResources resources,
                     DatabaseInfo database, DataServices services, UserAccounts accounts, DepartmentDirectory departments,
                     MachineClients clients) {
        this.steps = steps;
        this.ingestion = ingestion;
        this.jobs = jobs;
        this.resources = resources;
        this.database = database;
        this.services = services;
        this.accounts = accounts;
        this.departments = departments;
        this.clients = clients;
    }

    /** Lands the city (once per JVM) and publishes a service from {@code share/services/NAME.yaml} as the administrator. */
    DataService publish(String name, int port) throws Exception {
        this.port = port;
        FuseTestCity.land(steps, ingestion, jobs, resources, database);
        String yaml = new ClassPathResource("share/services/" + name + ".yaml").getContentAsString(StandardCharsets.UTF_8);
        return services.publish(services.parse(yaml), admin());
    }

    UserAccount admin() {
        return accounts.findByUsername("admin").orElseGet(() -> accounts.create(
                new NewUser("admin", "Administrator", "admin-password-2026", null, Set.of(Role.PLATFORM_ADMIN))));
    }

    UserAccount officer(String departmentCode, Role role) {
        Department d = department(departmentCode);
        String username = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".share." + d.code();
        return accounts.findByUsername(username).orElseGet(() -> accounts.create(
                new NewUser(username, "Officer", "officer-password-2026", d.id(), Set.of(role))));
    }

    Department department(String code) {
        return departments.findByCode(code).orElseThrow();
    }

    RegisteredMachineClient client(String departmentCode, String name) {
        return clients.register(department(departmentCode).id(), name, Set.of(ApiScopes.DIRECTORY_READ), admin());
    }

    String token(RegisteredMachineClient client) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client.client().clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return m.group(1);
    }

    /** GET with a bearer token (or none); the query is given already encoded. */
    HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept-Language", "en").GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
