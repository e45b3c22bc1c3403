package dev.banyan.server.ingest;

import com.sun.management.GarbageCollectionNotificationInfo;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.Role;
import dev.banyan.server.ingest.internal.RawTable;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.standards.UnifiedSocialCreditCode;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.DatasetFile;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.GenerationReport;
import dev.banyan.synthcity.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RAW landing benchmark (原始库装载基准): a CSV of the person shape — the synthetic city's
 * {@code public-security/household_registration.csv}, 18 columns, generated for {@code rows} persons — landed with
 * {@link Ingestion#ingest} into the RAW table of a catalog resource, against the baseline measured in the same run:
 * PostgreSQL's own {@code COPY … FROM STDIN (FORMAT csv, HEADER)} of the very same file into a fresh table of 18
 * {@code text} columns without any index — what loading the file costs at the least.
 *
 * <p>The server's application context is started without a web server on a fresh temporary data directory (embedded
 * PostgreSQL, {@code synchronous_commit = on}, so both commits are durable), deleted afterwards. An untimed warm-up
 * lands and copies the first 100,000 rows. Each run then takes both measurements (the order alternating between runs,
 * a {@code CHECKPOINT} before each), each into a fresh table — the landing into a new resource, so it is never
 * {@code ALREADY_LANDED}. Also measured, as a diagnostic: the connector alone reading every row (no database), and
 * the CPU seconds of this JVM and of PostgreSQL during each measurement. Prints each run and the medians.
 */
public final class IngestBenchmark {

    private static final long SEED = 20_261_202L;
    private static final int WARM_UP_ROWS = 100_000;

    /** The type and data element of the household registration's columns, as the demo catalog registers them. */
    private static final java.util.Map<String, String[]> ELEMENTS = java.util.Map.ofEntries(
            java.util.Map.entry("公民身份号码", new String[] {"string", "DE0001"}),
            java.util.Map.entry("姓名", new String[] {"string", "DE0002"}),
            java.util.Map.entry("曾用名", new String[] {"string", "DE0002"}),
            java.util.Map.entry("性别", new String[] {"string", "DE0003"}),
            java.util.Map.entry("民族", new String[] {"string", "DE0005"}),
            java.util.Map.entry("出生日期", new String[] {"date", "DE0004"}),
            java.util.Map.entry("户籍地址", new String[] {"string", "DE0007"}),
            java.util.Map.entry("婚姻状况", new String[] {"string", "DE0008"}),
            java.util.Map.entry("注销日期", new String[] {"date", "DE0028"}),
            java.util.Map.entry("联系电话", new String[] {"string", "DE0006"}));

    /**
     * What to run.
     *
     * @param rows persons of the generated city, and so rows of the CSV
     * @param runs repetitions; medians are reported
     */
    public record Options(int rows, int runs) {

        public Options {
            if (rows < 1 || runs < 1) {
                throw new IllegalArgumentException("rows and runs must be positive");
            }
        }
    }

    /** One run's figures. */
    record Run(double landSeconds, double copySeconds, double readSeconds, long peakHeap, long peakAfterGc, Cpu landCpu,
               Cpu copyCpu, long rawBytes, long copyBytes, double governSeconds, Cpu governCpu, long governPeakAfterGc,
               long quarantined) {

        double ratio() {
            return landSeconds / copySeconds;
        }

        double governRatio() {
            return governSeconds / copySeconds;
        }
    }

    /** CPU seconds used by this JVM and by PostgreSQL (all its processes) during a measurement. */
    record Cpu(double jvm, double postgres) {
    }

    private final Options options;
    private final Class<?> application;
    private final PrintStream out;

    private IngestBenchmark(Options options, Class<?> application, PrintStream out) {
        this.options = options;
        this.application = application;
        this.out = out;
    }

    /**
     * Runs the benchmark and prints its progress and figures.
     *
     * @param application the Spring Boot application class to start (the server's)
     */
    public static void run(Options options, Class<?> application, PrintStream out) throws Exception {
        new IngestBenchmark(options, application, out).run();
    }

    private void run() throws Exception {
        out.printf(Locale.ROOT, "RAW landing benchmark: %,d rows of the person shape × %d runs (%d CPUs, load average %.1f,"
                        + " Java %s, max heap %,d MB)%n", options.rows(), options.runs(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path root = Files.createTempDirectory("banyan-bench-ingest-");
        try {
            Path file = generate(root);
            List<String> columns = header(file);
            Path warmUp = firstRows(file, root.resolve("warm-up.csv"), WARM_UP_ROWS);
            long started = System.nanoTime();
            ConfigurableApplicationContext context = start(root.resolve("data"));
            try {
                out.printf(Locale.ROOT, "Server context on a fresh embedded PostgreSQL ready in %.1f s%n",
                        (System.nanoTime() - started) / 1e9);
                measure(context, file, warmUp, columns);
            } finally {
                context.close();
            }
        } finally {
            deleteRecursively(root);
        }
    }

    private void measure(ConfigurableApplicationContext context, Path file, Path warmUp, List<String> columns)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        DataSource dataSource = context.getBean(DataSource.class);
        dev.banyan.server.platform.DurableCommits.require(jdbc, dataSource);
        out.printf("  PostgreSQL %s: synchronous_commit=%s, fsync=%s, shared_buffers=%s, max_wal_size=%s%n",
                show(jdbc, "server_version"), show(jdbc, "synchronous_commit"), show(jdbc, "fsync"),
                show(jdbc, "shared_buffers"), show(jdbc, "max_wal_size"));
        Path postgresDir = context.getBean(BanyanSettings.class).embeddedDatabaseDir();
        Ingestion ingestion = context.getBean(Ingestion.class);
        Catalog catalog = context.getBean(Catalog.class);
        Bench bench = new Bench(jdbc, dataSource, ingestion, catalog, department(context), columns, postgresDir,
                context.getBean(dev.banyan.server.ingest.internal.RawLoader.class));
        jdbc.sql("create schema if not exists bench").update();

        long t = System.nanoTime();
        bench.land(warmUp, "warm-up", false);
        bench.land(warmUp, "warm-up governed", true);
        bench.copy(warmUp, "warm_up");
        bench.read(warmUp);
        out.printf(Locale.ROOT, "  warm-up (untimed): landed, copied and read %,d rows in %.1f s%n", rowsOf(warmUp),
                (System.nanoTime() - t) / 1e9);

        List<Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            double read = bench.read(file);
            Measured land = null;
            Measured copy = null;
            Measured govern = null;
            boolean copyFirst = run % 2 == 1;
            for (int turn = 0; turn < 3; turn++) {
                // The baseline alternates between first and last, so neither side always meets a warmer cache.
                int which = copyFirst ? turn : 2 - turn;
                switch (which) {
                    case 0 -> copy = bench.copy(file, "run_" + run);
                    case 1 -> land = bench.land(file, "run " + run, false);
                    default -> govern = bench.land(file, "run " + run + " governed", true);
                }
            }
            Run r = new Run(land.seconds, copy.seconds, read, land.peakHeap, land.peakAfterGc, land.cpu, copy.cpu,
                    land.bytes, copy.bytes, govern.seconds, govern.cpu, govern.peakAfterGc, govern.quarantined);
            runs.add(r);
            out.printf(Locale.ROOT, "Run %d/%d (%s first, load average %.1f): RAW landing %.2f s (%,.0f rows/s; CPU: JVM %.2f s,"
                            + " PostgreSQL %.2f s; heap: peak %,d MB, after GC %,d MB) · COPY baseline %.2f s (%,.0f rows/s; CPU: JVM %.2f s,"
                            + " PostgreSQL %.2f s) · ratio %.2f× · connector alone %.2f s · table %,d MB vs %,d MB%n",
                    run, options.runs(), copyFirst ? "COPY" : "landing", loadAverage(), r.landSeconds(),
                    options.rows() / r.landSeconds(), r.landCpu().jvm(), r.landCpu().postgres(), r.peakHeap() >> 20,
                    r.peakAfterGc() >> 20,
                    r.copySeconds(), options.rows() / r.copySeconds(), r.copyCpu().jvm(), r.copyCpu().postgres(),
                    r.ratio(), r.readSeconds(), r.rawBytes() >> 20, r.copyBytes() >> 20);
            out.printf(Locale.ROOT, "        end to end CSV → RAW → STANDARD %.2f s (%,.0f rows/s; CPU: JVM %.2f s, PostgreSQL %.2f s;"
                            + " heap after GC %,d MB; %,d rows quarantined) · ratio %.2f×%n", r.governSeconds(),
                    options.rows() / r.governSeconds(), r.governCpu().jvm(), r.governCpu().postgres(),
                    r.governPeakAfterGc() >> 20, r.quarantined(), r.governRatio());
        }

        double land = median(runs, Run::landSeconds);
        double copy = median(runs, Run::copySeconds);
        out.printf(Locale.ROOT, "%nMedians of %d runs, %,d rows (%,.1f MB):%n", runs.size(), options.rows(),
                Files.size(file) / 1e6);
        out.printf(Locale.ROOT, "  %-52s %8s %12s%n", "", "seconds", "rows/s");
        double govern = median(runs, Run::governSeconds);
        out.printf(Locale.ROOT, "  %-52s %8.2f %,12.0f%n", "end to end (Ingestion.ingest, CSV → RAW → STANDARD)", govern,
                options.rows() / govern);
        out.printf(Locale.ROOT, "  %-52s %8.2f %,12.0f%n", "RAW landing alone (CSV → RAW)", land,
                options.rows() / land);
        out.printf(Locale.ROOT, "  %-52s %8.2f %,12.0f%n", "baseline: COPY (FORMAT csv) into 18 text columns", copy,
                options.rows() / copy);
        out.printf(Locale.ROOT, "  %-52s %8.2f %,12.0f%n", "diagnostic: the CSV connector alone, no database",
                median(runs, Run::readSeconds), options.rows() / median(runs, Run::readSeconds));
        out.printf(Locale.ROOT, "  ratio end to end / COPY: %.2f× (median of the runs' ratios; ratio of the medians %.2f×;"
                + " goal ≤ 3×)%n", median(runs, Run::governRatio), govern / copy);
        out.printf(Locale.ROOT, "  ratio RAW landing / COPY: %.2f× (median of the runs' ratios; ratio of the medians %.2f×;"
                + " goal ≤ 1.3×)%n", median(runs, Run::ratio), land / copy);
        out.printf(Locale.ROOT, "  CPU end to end: JVM %.2f s, PostgreSQL %.2f s; heap peak left after a GC %,.0f MB%n",
                median(runs, r -> r.governCpu().jvm()), median(runs, r -> r.governCpu().postgres()),
                median(runs, r -> r.governPeakAfterGc() >> 20));
        out.printf(Locale.ROOT, "  CPU during the landing: JVM %.2f s, PostgreSQL %.2f s; during COPY: JVM %.2f s,"
                        + " PostgreSQL %.2f s%n", median(runs, r -> r.landCpu().jvm()),
                median(runs, r -> r.landCpu().postgres()), median(runs, r -> r.copyCpu().jvm()),
                median(runs, r -> r.copyCpu().postgres()));
        out.printf(Locale.ROOT, "  heap during the landing: peak in use %,.0f MB (garbage included), peak left after a GC %,.0f MB"
                        + " (the whole server's; max heap %,d MB)%n", median(runs, r -> r.peakHeap() >> 20),
                median(runs, r -> r.peakAfterGc() >> 20), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "  table size: RAW %,.0f MB, COPY baseline %,.0f MB%n",
                median(runs, r -> r.rawBytes() >> 20), median(runs, r -> r.copyBytes() >> 20));
    }

    /** What one measurement took. */
    private record Measured(double seconds, Cpu cpu, long peakHeap, long peakAfterGc, long bytes, long quarantined) {
    }

    /** The two measurements and the diagnostic read, on one context. */
    private final class Bench {

        private final JdbcClient jdbc;
        private final DataSource dataSource;
        private final Ingestion ingestion;
        private final Catalog catalog;
        private final Department department;
        private final List<String> columns;
        private final Path postgresDir;
        private final dev.banyan.server.ingest.internal.RawLoader loader;
        private int resources;

        Bench(JdbcClient jdbc, DataSource dataSource, Ingestion ingestion, Catalog catalog, Department department,
              List<String> columns, Path postgresDir, dev.banyan.server.ingest.internal.RawLoader loader) {
            this.loader = loader;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
            this.ingestion = ingestion;
            this.catalog = catalog;
            this.department = department;
            this.columns = columns;
            this.postgresDir = postgresDir;
        }

        /**
         * Lands the file into a new resource; the tables are dropped afterwards.
         *
         * @param governed through {@link Ingestion#ingest} into RAW and STANDARD, the fields carrying their data
         *                 elements; else into RAW alone, with the plain loader
         */
        Measured land(Path file, String label, boolean governed) {
            Resource resource = resource(label, governed);
            jdbc.sql("checkpoint").update();
            HeapSampler heap = new HeapSampler();
            CpuProbe cpu = new CpuProbe(postgresDir);
            long t = System.nanoTime();
            IngestResult result = governed
                    ? ingestion.ingest(resource.code(), SourceSpec.of("csv", file.toString()), "bench", n -> { })
                    : loader.load(resource.code(), columns, SourceSpec.of("csv", file.toString()), null, "bench", n -> { });
            double seconds = (System.nanoTime() - t) / 1e9;
            Cpu used = cpu.used();
            long[] peak = heap.stop();
            if (result.outcome() != IngestResult.Outcome.LANDED) {
                throw new IllegalStateException("the landing did not land: " + result);
            }
            String table = RawTable.of(resource.code(), columns).qualifiedName();
            long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
            if (rows != result.batch().rowsLanded() || rows != rowsOf(file)) {
                throw new IllegalStateException("the RAW table holds " + rows + " rows, the batch says "
                        + result.batch().rowsLanded());
            }
            long bytes = jdbc.sql("select pg_total_relation_size(?::regclass)").param(table).query(Long.class).single();
            jdbc.sql("drop table " + table).update();
            if (governed) {
                IngestBatch b = result.batch();
                if (b.rowsStandardised() + b.rowsQuarantined() != rows) {
                    throw new IllegalStateException("rows in " + rows + " ≠ standardised " + b.rowsStandardised()
                            + " + quarantined " + b.rowsQuarantined());
                }
                jdbc.sql("drop table std.\"" + RawTable.tableName(resource.code()) + "\"").update();
            }
            return new Measured(seconds, used, peak[0], peak[1], bytes, result.batch().rowsQuarantined());
        }

        /** The baseline: COPY of the file into a fresh table of text columns without any index; dropped afterwards. */
        Measured copy(Path file, String suffix) throws Exception {
            String table = "bench.copy_baseline_" + suffix;
            StringBuilder ddl = new StringBuilder("create table ").append(table).append(" (");
            for (int i = 0; i < columns.size(); i++) {
                ddl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).replace("\"", "\"\"")).append("\" text");
            }
            jdbc.sql(ddl.append(')').toString()).update();
            jdbc.sql("checkpoint").update();
            long rows;
            CpuProbe cpu = new CpuProbe(postgresDir);
            long t;
            try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
                connection.setAutoCommit(true);
                t = System.nanoTime();
                rows = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " from stdin (format csv, header)", in, 1 << 16);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            Cpu used = cpu.used();
            if (rows != rowsOf(file)) {
                throw new IllegalStateException("COPY copied " + rows + " rows of " + rowsOf(file));
            }
            long bytes = jdbc.sql("select pg_total_relation_size(?::regclass)").param(table).query(Long.class).single();
            jdbc.sql("drop table " + table).update();
            return new Measured(seconds, used, 0, 0, bytes, 0);
        }

        /** Diagnostic: the CSV connector reading every row, nothing else. */
        double read(Path file) {
            long t = System.nanoTime();
            long rows = 0;
            try (SourceReader reader = SourceConnectors.builtIn().open(SourceSpec.of("csv", file.toString()))) {
                while (reader.next() != null) {
                    rows++;
                }
                reader.fingerprint();
            }
            if (rows != rowsOf(file)) {
                throw new IllegalStateException("the connector read " + rows + " rows of " + rowsOf(file));
            }
            return (System.nanoTime() - t) / 1e9;
        }


        private Resource resource(String label, boolean governed) {
            int n = ++resources;
            CatalogActor liaison = new CatalogActor("bench.ingest", department.id(), Set.of(Role.DATA_LIAISON));
            List<ResourceField> fields = columns.stream().map(c -> {
                String[] element = governed ? ELEMENTS.getOrDefault(c, new String[] {"string", null})
                        : new String[] {"string", null};
                return new ResourceField(c, element[0], c + "（户籍登记）", c.equals("record_id"), element[1],
                        PersonalInformation.NONE, DataGrade.GENERAL, false);
            }).toList();
            return catalog.draft(liaison, new ResourceDraft(String.format(Locale.ROOT, "101001-%s-%04d",
                    department.creditCode(), n), "户籍人口登记信息（采集基准 " + label + "）",
                    "Household registration (ingest benchmark " + label + ")", department.id(),
                    "合成城市公安局户籍人口登记信息，用于原始库装载基准测试。", DataDomain.POPULATION, "CSV", UpdateCycle.DAILY,
                    "户籍管理系统", LocalDate.of(2026, 12, 2), ShareType.UNCONDITIONAL, null, null, OpenType.NOT_OPEN,
                    DataGrade.IMPORTANT, fields));
        }
    }

    private long rowsOf(Path file) {
        return file.getFileName().toString().startsWith("warm-up") ? Math.min(WARM_UP_ROWS, options.rows()) : options.rows();
    }

    private Department department(ConfigurableApplicationContext context) {
        String credit = UnifiedSocialCreditCode.of('1', '1', "350100", "96000001").value();
        return context.getBean(DepartmentDirectory.class).register(new NewDepartment("bench-ingest", "采集基准测试局",
                "Ingest benchmark bureau", credit, DepartmentLevel.CITY, null));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The file

    /** Generates a city of {@code rows} persons and keeps only its household registrations (one row a person). */
    private Path generate(Path root) throws IOException {
        Path city = root.resolve("city");
        long t = System.nanoTime();
        GenerationReport report = new CityGenerator().generate(
                new GenerationOptions(options.rows(), SEED, Profile.NORMAL, city), null);
        DatasetFile registrations = report.datasets().stream()
                .filter(d -> d.relativePath().equals("public-security/household_registration.csv")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the city has no household registrations"));
        if (registrations.rows() != options.rows()) {
            throw new IllegalStateException("the city has " + registrations.rows() + " household registrations for "
                    + options.rows() + " persons");
        }
        Path file = root.resolve("persons.csv");
        Files.move(city.resolve(registrations.relativePath()), file);
        deleteRecursively(city);
        out.printf(Locale.ROOT, "  the file: public-security/household_registration.csv of a generated city of %,d persons"
                        + " (seed %d, mess NORMAL; generated in %.1f s): %,d rows, %,.1f MB, UTF-8%n", options.rows(), SEED,
                (System.nanoTime() - t) / 1e9, registrations.rows(), Files.size(file) / 1e6);
        return file;
    }

    private static List<String> header(Path file) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            return csv.stream().findFirst().orElseThrow().getFields();
        }
    }

    /** The header and the first {@code n} records of a CSV file. */
    private static Path firstRows(Path file, Path target, int n) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file);
             CsvWriter writer = CsvWriter.builder().build(target, StandardCharsets.UTF_8)) {
            csv.stream().limit(n + 1L).forEach(r -> writer.writeRecord(r.getFields()));
        }
        return target;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The server

    private ConfigurableApplicationContext start(Path dataDir) {
        // A servlet context, because the security configuration needs one, but no web server: port -1 opens none.
        return new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--banyan.data-dir=" + dataDir.toAbsolutePath(),
                        "--banyan.db.clean-embedded=true",
                        "--server.port=-1",
                        "--logging.threshold.console=WARN");
    }

    private static String show(JdbcClient jdbc, String setting) {
        return dev.banyan.server.platform.DurableCommits.show(jdbc, setting);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Measuring

    /**
     * The heap during a measurement: the peak in use, sampled every 5 ms on a daemon thread (garbage included, so it
     * mostly shows how large the young generation was allowed to grow), and the peak left after a garbage collection
     * (what was still reachable, or promoted and not yet collected) — the figure that shows whether memory is bounded.
     */
    private static final class HeapSampler implements NotificationListener {

        private final Thread thread;
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private volatile boolean stop;
        private volatile long peak;
        private final AtomicLong peakAfterGc = new AtomicLong();

        HeapSampler() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(() -> {
                while (!stop) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                    if (pool.getType() == MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                    }
                }
                long u = used;
                peakAfterGc.accumulateAndGet(u, Math::max);
            }
        }

        /** Stops sampling; returns the peak in use and the peak after a collection (0 if none ran). */
        long[] stop() {
            stop = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // not registered
                }
            }
            return new long[] {peak, peakAfterGc.get()};
        }
    }

    /** CPU time of this JVM and of the PostgreSQL postmaster and its children (from /proc; −1 where unknown). */
    private static final class CpuProbe {

        private final Path postgresDir;
        private final long jvm;
        private final long postgres;

        CpuProbe(Path postgresDir) {
            this.postgresDir = postgresDir;
            this.jvm = jvmNanos();
            this.postgres = postgresTicks();
        }

        Cpu used() {
            long pg = postgresTicks();
            return new Cpu((jvmNanos() - jvm) / 1e9, pg < 0 || postgres < 0 ? -1 : (pg - postgres) / 100.0);
        }

        private static long jvmNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        private long postgresTicks() {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(postgresDir.resolve("postmaster.pid")).getFirst().strip());
                long ticks = 0;
                try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                        try {
                            String line = Files.readString(proc.resolve("stat"));
                            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                            if (Long.parseLong(proc.getFileName().toString()) == postmaster || Long.parseLong(f[1]) == postmaster) {
                                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            }
                        } catch (IOException | RuntimeException e) {
                            // the process ended meanwhile
                        }
                    }
                }
                return ticks;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
