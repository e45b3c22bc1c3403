package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.Profile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@link dev.banyan.server.share.VerificationBenchmark}; see there for what it measures. */
public final class VerificationBenchmarkRunner {

    static final String SCENE = "verify-public-rental";
    private static final List<String> SCENES = List.of("verify-dibao", "verify-medical-insurance", "verify-elderly-subsidy",
            SCENE);

    private final int persons;
    private final int subjects;
    private final int runs;
    private final Path cityDir;
    private final Class<?> application;
    private final PrintStream out;

    public VerificationBenchmarkRunner(int persons, int subjects, int runs, Path cityDir, Class<?> application,
                                       PrintStream out) {
        this.persons = persons;
        this.subjects = subjects;
        this.runs = runs;
        this.cityDir = cityDir;
        this.application = application;
        this.out = out;
    }

    public void run() throws Exception {
        out.printf(Locale.ROOT, "Batch verification benchmark: %,d subjects against %s, city of %,d persons, %d runs "
                        + "(%d CPUs, load average %.1f, Java %s, max heap %,d MB)%n", subjects, SCENE, persons, runs,
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (!Files.exists(cityDir.resolve("manifest.json"))) {
            long g = System.nanoTime();
            out.printf(Locale.ROOT, "generating a city of %,d persons in %s …%n", persons, cityDir);
            new CityGenerator().generate(new GenerationOptions(persons, 20_261_202L, Profile.NORMAL, cityDir), null);
            out.printf(Locale.ROOT, "  generated in %.1f s%n", (System.nanoTime() - g) / 1e9);
        }
        Path root = Files.createTempDirectory("banyan-bench-verify-");
        try {
            long started = System.nanoTime();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .run("--banyan.data-dir=" + root.resolve("data").toAbsolutePath(), "--banyan.db.clean-embedded=true",
                            "--server.port=-1", "--logging.threshold.console=WARN",
                            "--banyan.ingest.scheduler.initial-delay=PT24H", "--banyan.fuse.scheduler.enabled=false");
            try {
                out.printf(Locale.ROOT, "Server context on a fresh embedded PostgreSQL ready in %.1f s%n",
                        (System.nanoTime() - started) / 1e9);
                measure(context, root);
            } finally {
                context.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void measure(ConfigurableApplicationContext context, Path root) throws Exception {
        DemoProgress quiet = new DemoProgress() {
            @Override
            public void advance(String what, long done, long total) {
            }

            @Override
            public void report(String line) {
            }
        };
        for (DemoStep step : context.getBeansOfType(DemoStep.class).values().stream()
                .filter(s -> s.order() == 120 || s.order() == 130 || s.order() == 210)
                .sorted(Comparator.comparingInt(DemoStep::order)).toList()) {
            step.run(quiet);
        }
        DataServices services = context.getBean(DataServices.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        UserAccount admin = accounts.findByUsername("admin").orElseGet(() -> accounts.create(
                new NewUser("admin", "Administrator", "bench-admin-password-2026", null, Set.of(Role.PLATFORM_ADMIN))));

        // The resources the scenes read, landed and governed from the city's files.
        Set<String> needed = new LinkedHashSet<>();
        List<String> definitions = new ArrayList<>();
        for (String scene : SCENES) {
            String yaml = new ClassPathResource("share/services/" + scene + ".yaml").getContentAsString(StandardCharsets.UTF_8);
            definitions.add(yaml);
            var d = services.parse(yaml);
            needed.add(d.resource());
            d.verification().facts().forEach(f -> {
                needed.add(f.resource());
                if (f.via() != null) {
                    needed.add(f.via().resource());
                }
            });
        }
        CityDatasetResources resources = context.getBean(CityDatasetResources.class);
        Ingestion ingestion = context.getBean(Ingestion.class);
        long l0 = System.nanoTime();
        long landedRows = 0;
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(cityDir.resolve("manifest.json")));
        for (JsonNode department : manifest.path("departments")) {
            for (JsonNode s : department.path("datasets")) {
                String dept = department.path("code").asString();
                String code = resources.find(dept, s.path("dataset").asString()).map(Resource::code).orElse(null);
                if (code == null || !needed.contains(code)) {
                    continue;
                }
                List<String> columns = new ArrayList<>();
                s.path("columns").forEach(c -> columns.add(c.path("name").asString()));
                SourceSpec spec = SourceSpec.builder(s.path("format").asString(), cityDir.resolve(s.path("file").asString()).toString())
                        .expectedColumns(columns).encoding(s.path("encoding").asString()).build();
                long t = System.nanoTime();
                IngestResult r = ingestion.ingest(code, spec, "liaison." + dept, n -> { });
                if (r.outcome() == IngestResult.Outcome.FAILED) {
                    throw new IllegalStateException("cannot land " + code + ": " + r.reason());
                }
                landedRows += s.path("rows").asLong();
                out.printf(Locale.ROOT, "  landed %-40s %,10d rows in %5.1f s%n", s.path("title_zh").asString(),
                        s.path("rows").asLong(), (System.nanoTime() - t) / 1e9);
            }
        }
        out.printf(Locale.ROOT, "Landed and governed %,d rows of %d resources in %.1f s%n", landedRows, needed.size(),
                (System.nanoTime() - l0) / 1e9);
        DataService service = null;
        for (String yaml : definitions) {
            DataService s = services.publish(services.parse(yaml), admin);
            if (s.code().equals(SCENE)) {
                service = s;
            }
        }

        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Path file = root.resolve("subjects.csv");
        writeSubjects(jdbc, file);
        VerificationBatches batches = context.getBean(VerificationBatches.class);
        DataSource dataSource = context.getBean(DataSource.class);
        long department = context.getBean(dev.banyan.server.identity.DepartmentDirectory.class).findByCode("housing")
                .orElseThrow().id();

        // warm-up: a small batch and the baseline on the same small file
        Path small = root.resolve("warm-up.csv");
        try (Stream<String> lines = Files.lines(file)) {
            Files.write(small, lines.limit(20_001).toList());
        }
        batch(batches, service, department, small);
        baseline(dataSource, small, root.resolve("warm-up-baseline.csv"));

        List<double[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Batch b = batch(batches, service, department, file);
            Baseline base = baseline(dataSource, file, root.resolve("baseline.csv"));
            double ratio = b.seconds() / base.seconds();
            out.printf(Locale.ROOT, "run %d/%d (load average %.1f): batch %.2f s (%,.0f subjects/s; %,d yes, %,d no, %,d invalid)"
                            + " — baseline hand-written SQL %.2f s (%,d yes) — ratio %.2f×%n", run, runs, loadAverage(),
                    b.seconds(), subjects / b.seconds(), b.batch().yes(), b.batch().no(), b.batch().invalid(),
                    base.seconds(), base.yes(), ratio);
            if (b.batch().yes() != base.yes()) {
                out.printf("  !! the batch and the baseline disagree on the number of yes answers%n");
            }
            results.add(new double[] {b.seconds(), base.seconds(), ratio});
        }
        double batch = median(results, 0);
        double base = median(results, 1);
        out.printf(Locale.ROOT, "%nverify %,d subjects (%s): median %.2f s = %,.0f subjects/s (target ≤ 60 s)%n"
                        + "baseline (one hand-written SQL statement, COPY in and out): median %.2f s%n"
                        + "ratio batch / baseline: %.2f× (median of runs %.2f×)%n",
                subjects, SCENE, batch, subjects / batch, base, batch / base, median(results, 2));
    }

    private record Batch(VerificationBatch batch, double seconds) {
    }

    private record Baseline(long yes, double seconds) {
    }

    private Batch batch(VerificationBatches batches, DataService service, long department, Path file) throws Exception {
        long t = System.nanoTime();
        VerificationBatch b;
        try (InputStream in = Files.newInputStream(file)) {
            b = batches.submit(service, null, department, "user:bench", in, file.getFileName().toString());
        }
        while (!(b = batches.find(b.id()).orElseThrow()).finished()) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        if (b.status() != VerificationBatch.Status.DONE) {
            throw new IllegalStateException("batch failed: " + b.error());
        }
        return new Batch(b, seconds);
    }

    /**
     * A file of subjects: residents of the city (90 %), valid identity numbers nobody holds (5 %) and numbers with a
     * wrong check character (5 %), shuffled, with a header line.
     */
    private void writeSubjects(JdbcClient jdbc, Path file) throws IOException {
        long t = System.nanoTime();
        List<String> residents = jdbc.sql("select \"公民身份号码\" from std.\"101001_113501000350010382_001\" "
                + "where \"公民身份号码\" is not null").query(String.class).list();
        Random random = new Random(20_261_202L);
        List<String> ids = new ArrayList<>(subjects);
        int real = (int) (subjects * 0.9);
        int unknown = (subjects - real) / 2;
        for (int i = 0; i < real; i++) {
            ids.add(residents.get(i < residents.size() ? i : random.nextInt(residents.size())));
        }
        for (int i = 0; i < unknown; i++) {
            ids.add(CitizenIdNumber.of("350102", LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), 900 + random.nextInt(100)).value());
        }
        while (ids.size() < subjects) {
            String id = residents.get(random.nextInt(residents.size()));
            char check = id.charAt(17);
            ids.add(id.substring(0, 17) + (check == '0' ? '1' : '0'));
        }
        Collections.shuffle(ids, random);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("身份证号码\n");
            for (String id : ids) {
                w.write(id);
                w.write('\n');
            }
        }
        out.printf(Locale.ROOT, "Subjects: %,d (%,d residents of %,d, %,d unknown, %,d wrong check character) written in %.1f s%n",
                subjects, real, residents.size(), unknown, subjects - real - unknown, (System.nanoTime() - t) / 1e9);
    }

    /** The hand-written SQL baseline for the public rental scene: COPY in, one statement, COPY out. */
    static Baseline baseline(DataSource dataSource, Path input, Path output) throws Exception {
        String r = "std.\"101001_113501000350010382_001\"";
        String tax = "std.\"202002_11350100035001118m_002\"";
        String estate = "std.\"103002_11350100035001089a_002\"";
        String query = """
                with s as (select ord, given, case when given ~ '^[0-9]{17}[0-9Xx]$' then upper(given) end as id
                           from share.bench_subjects),
                subj as (select distinct id from s where id is not null),
                hh as materialized (select distinct s.id, h."户号" as grp from subj s join %1$s h on h."公民身份号码" = s.id
                                    where h."户号" is not null),
                mem as materialized (select distinct h."户号" as grp, h."公民身份号码" as member from %1$s h
                                     where h."户号" in (select grp from hh) and h."人口状态" = '正常'
                                       and h."公民身份号码" is not null),
                n as (select grp, count(*) as n from mem group by grp),
                inc as (select m.grp, sum(t."收入额（元）") as v from mem m join %2$s t on t."证件号码" = m.member
                        where t."所得项目" = '正常工资薪金所得' group by m.grp),
                est as (select distinct m.grp from mem m join %3$s t on t."证件号码" = m.member),
                household as (select hh.id, sum(n.n) as n, coalesce(sum(inc.v), 0) as income, bool_or(est.grp is not null) as estate
                              from hh left join n on n.grp = hh.grp left join inc on inc.grp = hh.grp
                                      left join est on est.grp = hh.grp group by hh.id),
                reg as (select distinct s.id from subj s join %1$s t on t."公民身份号码" = s.id where t."人口状态" = '正常')
                select s.given,
                       case when s.id is null then 'invalid'
                            when reg.id is not null and h.n > 0 and h.income / h.n < 30000 and not h.estate then 'yes'
                            else 'no' end,
                       case when s.id is null then 'ID_INVALID'
                            when reg.id is null or h.n is null or h.n = 0 then 'NOT_REGISTERED'
                            when h.income / h.n >= 30000 then 'INCOME_ABOVE_LIMIT'
                            when h.estate then 'OWNS_REAL_ESTATE' end
                from s left join reg on reg.id = s.id left join household h on h.id = s.id
                order by s.ord""".formatted(r, tax, estate);
        long t = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("drop table if exists share.bench_subjects");
                st.execute("create unlogged table share.bench_subjects (ord bigserial, given text)");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (InputStream in = Files.newInputStream(input)) {
                copy.copyIn("copy share.bench_subjects (given) from stdin (format csv, header true)", in);
            }
            try (var st = c.createStatement()) {
                st.execute("analyze share.bench_subjects");
            }
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set local work_mem = '256MB'");
            }
            try (OutputStream out = Files.newOutputStream(output)) {
                copy.copyOut("copy (" + query + ") to stdout (format csv, header true)", out);
            }
            c.commit();
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("drop table share.bench_subjects");
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long yes;
        try (Stream<String> lines = Files.lines(output)) {
            yes = lines.filter(l -> l.contains(",yes,")).count();
        }
        return new Baseline(yes, seconds);
    }

    private static double median(List<double[]> runs, int i) {
        double[] v = runs.stream().mapToDouble(r -> r[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
