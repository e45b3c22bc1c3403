package dev.banyan.server.share.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo step: opens the exchange (开放共享服务) — publishes the city's data services from
 * {@code share/services/*.yaml} (person lookup, household, company lookup, statistics, the verification scenes,
 * the provincial proxies), registers the civil affairs bureau's checking system as a client that applies for them
 * and is granted them by the owners' chief data officers, and replays a month of its calls so that the call log and
 * statistics have a history. Its client id and secret are kept in {@code <data>/demo-client.properties} and printed,
 * so that anyone can call the gateway with curl. Idempotent.
 */
@Component
class PublishServicesStep implements DemoStep {

    static final String CLIENT_NAME = "低保核对系统 Minimum living allowance checks";
    private static final String CONSUMER = "civil-affairs";
    private static final int HISTORY_DAYS = 30;
    private static final int HISTORY_CALLS = 3_000;
    /** 户籍人口, the public security bureau's household register, whose residents the history looks up. */
    private static final String HOUSEHOLD_REGISTER = "101001-113501000350010382-001";

    private final DataServices services;
    private final ShareApplications applications;
    private final MachineClients clients;
    private final UserAccounts accounts;
    private final ServiceGateway gateway;
    private final JdbcClient jdbc;
    private final BanyanSettings settings;
    private final Clock clock;
    private final List<ServiceDefinitionSource> sources;
    private final dev.banyan.server.share.Grants grants;
    private final dev.banyan.server.identity.DepartmentDirectory departments;
    private final dev.banyan.server.ingest.StandardZone zone;

    PublishServicesStep(DataServices services, ShareApplications applications, MachineClients clients, UserAccounts accounts,
                        ServiceGateway gateway, JdbcClient jdbc, BanyanSettings settings, Clock clock,
                        List<ServiceDefinitionSource> sources, dev.banyan.server.share.Grants grants,
                        dev.banyan.server.identity.DepartmentDirectory departments, dev.banyan.server.ingest.StandardZone zone) {
        this.grants = grants;
        this.departments = departments;
        this.zone = zone;
        this.services = services;
        this.applications = applications;
        this.clients = clients;
        this.accounts = accounts;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.sources = sources;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public String title() {
        return "Publish data services, grant the demo client, replay a month of calls / 发布数据服务、授权演示应用、回放一个月的调用";
    }

    @Override
    public void run(DemoProgress progress) throws Exception {
        UserAccount admin = accounts.findByUsername("admin").orElseThrow();
        List<DataService> published = publish(admin, progress);
        RegisteredMachineClient fresh = null;
        MachineClient client = null;
        Properties saved = savedClient();
        if (saved != null) {
            client = clients.find(saved.getProperty("client-id")).filter(MachineClient::active).orElse(null);
        }
        if (client == null) {
            long departmentId = accounts.findByUsername("liaison." + CONSUMER).orElseThrow().departmentId();
            fresh = clients.register(departmentId, CLIENT_NAME, Set.of(dev.banyan.server.identity.ApiScopes.DIRECTORY_READ), admin);
            client = fresh.client();
            saveClient(fresh);
        }
        int granted = grantAll(client, published, progress);
        long history = jdbc.sql("select count(*) from share.call_log where client_id = ?").param(client.clientId())
                .query(Long.class).single();
        if (history == 0) {
            replayHistory(client, published, progress);
        }
        Properties p = savedClient();
        progress.report(String.format(Locale.ROOT, "%d services published, %d granted to the demo client / 已发布 %d 个服务，演示应用获授权 %d 个",
                published.size(), granted, published.size(), granted));
        if (p != null) {
            progress.report("Demo client / 演示应用: " + p.getProperty("client-id") + "  secret: " + p.getProperty("client-secret")
                    + "  (" + clientFile() + ")");
        }
    }

    /** Publishes each definition whose text differs from its current version; reports those that cannot be. */
    private List<DataService> publish(UserAccount admin, DemoProgress progress) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:share/services/*.yaml");
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        List<DataService> published = new ArrayList<>();
        int done = 0;
        for (Resource file : files) {
            progress.advance("services 服务", done++, files.length);
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            for (ServiceDefinitionSource source : sources) {
                text = source.expand(text);
            }
            try {
                ServiceDefinition d = services.parse(text);
                DataService current = services.current(d.code()).orElse(null);
                if (current != null && ServiceDefinitionFormat.sha256(current.definition()).equals(ServiceDefinitionFormat.sha256(d))) {
                    published.add(current);
                } else {
                    published.add(services.publish(d, admin));
                }
            } catch (InvalidInputException e) {
                progress.report(file.getFilename() + ": not published / 未发布 — " + e.getMessage());
            }
        }
        progress.advance("services 服务", files.length, files.length);
        return published;
    }

    /** Applies for every service the client lacks a grant for, and has the owner's chief data officer approve. */
    private int grantAll(MachineClient client, List<DataService> published, DemoProgress progress) {
        UserAccount liaison = accounts.findByUsername("liaison." + CONSUMER).orElseThrow();
        int granted = 0;
        for (DataService s : published) {
            if (grants.live(client.clientId(), s.code()).isPresent()) {
                granted++;
                continue;
            }
            // In clear: who the person is; masked: how to reach them and where they live.
            List<String> clear = s.definition().output().stream()
                    .filter(f -> !f.contains("联系电话") && !f.contains("住址") && !f.equals("户籍地址")).toList();
            ShareApplication a = applications.apply(new NewApplication(s.code(), client.clientId(),
                    "城乡最低生活保障申请家庭经济状况核对", "《社会救助暂行办法》第十一条、第六十一条", clear, 365, 20_000), liaison);
            if (a.status() == ShareApplication.Status.PENDING) {
                String owner = departments.find(s.ownerDepartmentId()).map(d -> d.code()).orElse("");
                UserAccount decider = accounts.findByUsername("cdo." + owner)
                        .orElseGet(() -> accounts.findByUsername("admin").orElseThrow());
                applications.approve(a.id(), decider, "同意，限于低保家庭经济状况核对使用");
            }
            granted++;
        }
        progress.report(granted + " grants for " + client.clientId() + " / 项授权");
        return granted;
    }

    /** A month of the client's calls: mostly lookups of real residents, some typos, unknown people and refusals. */
    private void replayHistory(MachineClient client, List<DataService> published, DemoProgress progress) {
        List<String> residents = new ArrayList<>();
        java.util.Set<String> households = new java.util.LinkedHashSet<>();
        zone.forEach(HOUSEHOLD_REGISTER, 0, r -> {
            if (r.valid() && residents.size() < 2000) {
                residents.add(r.value("公民身份号码"));
                if (r.value("户号") != null && households.size() < 500) {
                    households.add(r.value("户号"));
                }
            }
        });
        if (residents.isEmpty()) {
            return;
        }
        ServiceGateway.Caller caller = new ServiceGateway.Caller(client.clientId(), CONSUMER);
        java.util.Random random = new java.util.Random(20_261_202L);
        Instant now = clock.instant();
        // Calls from many clerks at once, as in a working day: the call log commits them in groups.
        java.util.concurrent.Semaphore clerks = new java.util.concurrent.Semaphore(32);
        java.util.concurrent.atomic.AtomicInteger replayed = new java.util.concurrent.atomic.AtomicInteger();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < HISTORY_CALLS; i++) {
            // Working hours of the past month, busier on weekdays.
            Instant at = now.minus(Duration.ofDays(1 + random.nextInt(HISTORY_DAYS)))
                    .minus(Duration.ofMinutes(random.nextInt(8 * 60)));
            String resident = residents.get(random.nextInt(residents.size()));
            int kind = random.nextInt(100);
            Map<String, String> params;
            String code;
            if (kind < 55) {
                code = "person-basic";
                params = Map.of("idNumber", kind < 52 ? resident : resident.substring(0, 17) + (resident.charAt(17) == '0' ? "1" : "0"));
            } else if (kind < 75 && !households.isEmpty()) {
                code = "household-members";
                params = Map.of("householdNumber", List.copyOf(households).get(random.nextInt(households.size())));
            } else if (kind < 80) {
                code = "population-by-street";
                params = Map.of("status", "正常");
            } else if (kind < 92) {
                code = verificationFor(published, random);
                params = Map.of("idNumber", resident);
            } else {
                // the provincial marriage check, through the proxy (the simulated province answers)
                code = "province-marriage-check";
                params = Map.of("idNumber", resident);
            }
            if (published.stream().anyMatch(s -> s.code().equals(code))) {
                clerks.acquireUninterruptibly();
                executor.submit(() -> {
                    try {
                        gateway.replay(caller, code, params, at);
                    } finally {
                        clerks.release();
                        int n = replayed.incrementAndGet();
                        if (n % 100 == 0) {
                            progress.advance("calls 调用", n, HISTORY_CALLS);
                        }
                    }
                });
            }
        }
        }
        progress.advance("calls 调用", HISTORY_CALLS, HISTORY_CALLS);
    }

    private static String verificationFor(List<DataService> published, java.util.Random random) {
        List<String> verifications = published.stream()
                .filter(s -> s.kind() == dev.banyan.server.share.ServiceKind.VERIFICATION).map(DataService::code).toList();
        return verifications.isEmpty() ? "person-basic" : verifications.get(random.nextInt(verifications.size()));
    }

    private Path clientFile() {
        return settings.dataDir().resolve("demo-client.properties");
    }

    private Properties savedClient() throws IOException {
        if (!Files.exists(clientFile())) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(clientFile(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private void saveClient(RegisteredMachineClient c) throws IOException {
        Properties p = new Properties();
        p.setProperty("client-id", c.client().clientId());
        p.setProperty("client-secret", c.secret());
        Files.createDirectories(clientFile().getParent());
        try (var out = Files.newBufferedWriter(clientFile(), StandardCharsets.UTF_8)) {
            p.store(out, "The demo's machine client (低保核对系统); get a token: curl -u ID:SECRET -d grant_type=client_credentials http://localhost:8080/oauth2/token");
        }
    }
}
