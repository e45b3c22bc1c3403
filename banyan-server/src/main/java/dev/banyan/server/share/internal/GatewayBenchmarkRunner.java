package dev.banyan.server.share.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.DurableCommits;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.GatewayBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs {@link GatewayBenchmark}: a fresh embedded database with a generated city landed the way the demo lands it,
 * the {@code person-basic} service published and granted to a client, then alternating timed runs of the direct
 * PostgreSQL baseline and of the gateway over loopback HTTP, with the same keys.
 */
public final class GatewayBenchmarkRunner {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final int KEYS = 10_000;

    private final GatewayBenchmark.Options options;
    private final PrintStream out;

    private record Figures(double perSecond, double p50, double p99, long failed) {
    }

    private GatewayBenchmarkRunner(GatewayBenchmark.Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void run(GatewayBenchmark.Options options, Class<?> application, PrintStream out) throws Exception {
        new GatewayBenchmarkRunner(options, out).run(application);
    }

    private void run(Class<?> application) throws Exception {
        out.printf(Locale.ROOT, "Gateway benchmark: %d connections, %.0f s × %d runs (%d CPUs, load average %.1f, Java %s)%n",
                options.connections(), options.seconds(), options.runs(), Runtime.getRuntime().availableProcessors(),
                loadAverage(), Runtime.version());
        Path root = Files.createTempDirectory("banyan-bench-gateway-");
        try {
            long t = System.nanoTime();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .run("--banyan.data-dir=" + root.resolve("data").toAbsolutePath(), "--banyan.db.clean-embedded=true",
                            "--server.port=0", "--logging.threshold.console=WARN", "--banyan.demo.persons=" + options.persons(),
                            "--banyan.ingest.scheduler.initial-delay=PT24H", "--banyan.fuse.scheduler.enabled=false",
                            "--server.tomcat.threads.max=" + Math.max(200, options.connections() * 2));
            try {
                prepareCity(context);
                out.printf(Locale.ROOT, "  city of %,d persons landed and server ready in %.1f s%n", options.persons(),
                        (System.nanoTime() - t) / 1e9);
                measure(context);
            } finally {
                context.close();
            }
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void prepareCity(ConfigurableApplicationContext context) throws Exception {
        DemoProgress quiet = new DemoProgress() {
            @Override
            public void advance(String what, long done, long total) {
            }

            @Override
            public void report(String line) {
            }
        };
        List<DemoStep> steps = new ArrayList<>(context.getBeansOfType(DemoStep.class).values());
        steps.sort(Comparator.comparingInt(DemoStep::order));
        for (DemoStep step : steps) {
            if (step.order() <= 600) {
                step.run(quiet);
            }
        }
    }

    private void measure(ConfigurableApplicationContext context) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        DataSource dataSource = context.getBean(DataSource.class);
        DurableCommits.require(jdbc, dataSource);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        UserAccount admin = context.getBean(UserAccounts.class).findByUsername("admin").orElseThrow();
        DataServices services = context.getBean(DataServices.class);
        DataService service = services.publish(services.parse(new ClassPathResource("share/services/person-basic.yaml")
                .getContentAsString(StandardCharsets.UTF_8)), admin);
        long consumer = context.getBean(DepartmentDirectory.class).findByCode("civil-affairs").orElseThrow().id();
        RegisteredMachineClient client = context.getBean(MachineClients.class).register(consumer, "网关基准",
                Set.of(ApiScopes.DIRECTORY_READ), admin);
        List<String> clear = service.definition().output().stream().filter(f -> !f.equals("联系电话") && !f.equals("户籍地址")).toList();
        context.getBean(GrantRegistry.class).create(null, new GrantRegistry.Terms(service.code(), client.client().clientId(),
                consumer, "网关基准测试", new java.util.LinkedHashSet<>(clear), List.of(), Integer.MAX_VALUE, 1_000_000,
                Duration.ofDays(1)), "admin");
        String token = token(port, client);

        StandardTableLayout layout = context.getBean(StandardZone.class).layout(service.definition().resource()).orElseThrow();
        String keyColumn = layout.column("公民身份号码").orElseThrow().quotedName();
        List<String> keys = jdbc.sql("select " + keyColumn + " from " + layout.qualifiedName() + " where " + keyColumn
                + " is not null order by md5(" + keyColumn + ") limit " + KEYS).query(String.class).list();
        String select = "select " + String.join(", ", service.definition().output().stream()
                .map(f -> layout.column(f).orElseThrow().quotedName()).toList()) + " from " + layout.qualifiedName()
                + " where " + keyColumn + " = ?";
        out.printf(Locale.ROOT, "  %,d keys; baseline statement: %s%n", keys.size(), select);
        byte[][] requests = new byte[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            requests[i] = LoopbackLoad.get("/api/v1/services/person-basic?idNumber=" + URLEncoder.encode(keys.get(i), StandardCharsets.UTF_8),
                    "Authorization: Bearer " + token);
        }

        // Warm-up (untimed): JIT (the gateway path needs some 20 s of traffic to be compiled), prepared statements, caches.
        direct(dataSource, select, keys, 3);
        LoopbackLoad.run(port, options.connections(), 20, i -> requests[Math.floorMod(i, requests.length)]);

        List<Figures> directRuns = new ArrayList<>();
        List<Figures> gatewayRuns = new ArrayList<>();
        long callsBefore = jdbc.sql("select count(*) from share.call_log").query(Long.class).single();
        long served = 0;
        for (int run = 1; run <= options.runs(); run++) {
            Figures d = direct(dataSource, select, keys, options.seconds());
            directRuns.add(d);
            LoopbackLoad.Result g = LoopbackLoad.run(port, options.connections(), options.seconds(),
                    i -> requests[Math.floorMod(i, requests.length)]);
            served += g.ok() + g.failed();
            Figures gf = new Figures(g.perSecond(), g.percentileMillis(50), g.percentileMillis(99), g.failed());
            gatewayRuns.add(gf);
            out.printf(Locale.ROOT, "  run %d/%d (load %.1f): direct %,.0f/s p50 %.2f ms p99 %.2f ms | gateway %,.0f/s p50 %.2f ms p99 %.2f ms,"
                            + " %d not 200 | ratio %.2f%n", run, options.runs(), loadAverage(), d.perSecond(), d.p50(), d.p99(),
                    gf.perSecond(), gf.p50(), gf.p99(), gf.failed(), gf.perSecond() / d.perSecond());
        }
        long logged = jdbc.sql("select count(*) from share.call_log").query(Long.class).single() - callsBefore;
        double dRate = median(directRuns.stream().mapToDouble(Figures::perSecond).toArray());
        double gRate = median(gatewayRuns.stream().mapToDouble(Figures::perSecond).toArray());
        out.printf(Locale.ROOT, "%nAuthenticated key lookup, medians of %d runs of %.0f s, %d connections:%n", options.runs(),
                options.seconds(), options.connections());
        out.printf(Locale.ROOT, "  gateway (JWT, grant, masking, call record committed before the answer, sealed into the evidence log): %,.0f requests/s, p50 %.2f ms, p99 %.2f ms%n",
                gRate, median(gatewayRuns.stream().mapToDouble(Figures::p50).toArray()),
                median(gatewayRuns.stream().mapToDouble(Figures::p99).toArray()));
        out.printf(Locale.ROOT, "  baseline, direct prepared point selects on PostgreSQL: %,.0f selects/s, p50 %.2f ms, p99 %.2f ms%n",
                dRate, median(directRuns.stream().mapToDouble(Figures::p50).toArray()),
                median(directRuns.stream().mapToDouble(Figures::p99).toArray()));
        out.printf(Locale.ROOT, "  ratio gateway / direct: %.2f (goal ≥ 0.33); goal ≥ 10,000 requests/s with p99 ≤ 20 ms%n", gRate / dRate);
        out.printf(Locale.ROOT, "  every call on record: %,d timed requests, %,d call records written%n", served, logged);
    }

    /** The baseline: one connection per client, a prepared point select after another, for the given time. */
    private Figures direct(DataSource dataSource, String select, List<String> keys, double seconds) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        long[][] latencies = new long[options.connections()][];
        List<Thread> threads = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            // Own connections, not the pool's: like pgbench, each client holds one for the whole run.
            var hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
            connections.add(java.sql.DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword()));
        }
        long start = System.nanoTime();
        for (int c = 0; c < options.connections(); c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (PreparedStatement s = connections.get(client).prepareStatement(select)) {
                    for (int i = client * 7919; System.nanoTime() < deadline; i++) {
                        long t0 = System.nanoTime();
                        s.setString(1, keys.get(Math.floorMod(i, keys.size())));
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                                    rs.getString(col);
                                }
                            }
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = System.nanoTime() - t0;
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies[client] = Arrays.copyOf(lat, n);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (Connection c : connections) {
            c.close();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        return new Figures(done.get() / elapsed, LatencyPercentiles.of(all, 50) / 1e6, LatencyPercentiles.of(all, 99) / 1e6, 0);
    }

    private static String token(int port, RegisteredMachineClient client) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client.client().clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return m.group(1);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
