package dev.banyan.server.audit.internal;

import dev.banyan.ledger.InclusionProof;
import dev.banyan.ledger.LogTree;
import dev.banyan.ledger.TileContent;
import dev.banyan.ledger.TiledTree;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongToIntFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs {@link dev.banyan.server.audit.AuditBenchmark}: it lives here because it reaches into the log's tables, its
 * tile cache and its entry format. Not for use outside the audit module.
 */
public final class AuditBenchmarkRunner {

    private static final String[] DEPARTMENTS = {"350102-MZJ", "350102-RSJ", "350103-YBJ", "350104-GAJ", "350100-SCJGJ",
        "350100-ZJJ", "350105-WJW", "350100-GJJ", "350111-JYJ", "350100-SWJ"};
    private static final String[] SERVICES = {"population.residents.basic/v1", "civil-affairs.marriage.status/v2",
        "social-security.contributions/v1", "market.enterprise.registration/v3", "real-estate.title.by-owner/v1",
        "health.birth-certificate/v1", "housing.provident-fund.balance/v1", "transport.vehicle.by-plate/v2",
        "tax.credit-rating/v1", "education.student-status/v1"};
    private static final String[] PURPOSES = {"最低生活保障资格复核", "公积金贷款审批", "不动产登记业务核验",
        "企业开办一件事", "义务教育入学资格审核", "医保参保身份核验", "出生一件事联办", "机动车违法处理"};
    private static final String[] FIELDS = {"公民身份号码", "姓名", "性别", "出生日期", "户籍地址", "婚姻状况",
        "联系电话", "统一社会信用代码", "企业名称", "缴费基数", "不动产单元号", "号牌号码"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 200, 200, 200, 404, 403, 200};
    private static final HexFormat HEX = HexFormat.of();
    /** The log and the baseline take turns this many times in each run. */
    private static final int SLICES = 4;

    private final int entries;
    private final int concurrency;
    private final int runs;
    private final long proofSize;
    private final int proofs;
    private final Class<?> application;
    private final PrintStream out;

    public AuditBenchmarkRunner(int entries, int concurrency, int runs, long proofSize, int proofs, Class<?> application,
                                PrintStream out) {
        this.entries = entries;
        this.concurrency = concurrency;
        this.runs = runs;
        this.proofSize = proofSize;
        this.proofs = proofs;
        this.application = application;
        this.out = out;
    }

    /** One run of the append phase. */
    private record AppendRun(Pass log, Pass naive, Storage storage) {
    }

    /** Appends or inserts from many threads: wall time, per-call latencies, entry bytes. */
    private record Pass(int count, long nanos, long[] latencies, long bytes) {

        double perSecond() {
            return count / (nanos / 1e9);
        }

        double percentileMillis(double p) {
            return percentile(latencies, p) / 1e6;
        }

        static Pass merge(List<Pass> passes) {
            int count = passes.stream().mapToInt(Pass::count).sum();
            long[] latencies = new long[count];
            int at = 0;
            for (Pass p : passes) {
                System.arraycopy(p.latencies(), 0, latencies, at, p.count());
                at += p.count();
            }
            return new Pass(count, passes.stream().mapToLong(Pass::nanos).sum(), latencies, passes.stream().mapToLong(Pass::bytes).sum());
        }
    }

    /** What the tables hold after a run: {@code n} entries of {@code raw} bytes in all. */
    private record Storage(long n, long raw, long entryTile, long entrySegment, long hashTile, long index,
                           long naiveRows, long naiveRaw, long naive, long liveLog) {

        long log() {
            return entryTile + entrySegment + hashTile;
        }

        double ratio() {
            return (log() - 32.0 * n) / raw;
        }

        /** After VACUUM FULL: without the dead rows that rewritten partial tiles and folded segments leave behind. */
        double liveRatio() {
            return (liveLog - 32.0 * n) / raw;
        }
    }

    /** One run of the proof phase: latencies in nanoseconds. */
    private record ProofRun(long[] api, long[] cached, long[] memory, long[] cold) {
    }

    public void run() throws Exception {
        out.printf(Locale.ROOT, "Evidence log benchmark: %,d appends × %d runs from %d virtual threads; proofs in a log of %,d entries"
                        + " (%d CPUs, load average %.1f, Java %s, max heap %,d MB)%n", entries, runs, concurrency, proofSize,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        long payloadBytes = 0;
        for (int i = 0; i < 1000; i++) {
            payloadBytes += EntryFormat.payloadJson(evidence(i).payload()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        out.printf(Locale.ROOT, "  evidence: share.call of a client to a service; payload %.0f bytes of canonical JSON on average, kept beside the log"
                + " (the entry holds its SHA-256)%n", payloadBytes / 1000.0);
        Path root = Files.createTempDirectory("banyan-bench-audit-");
        List<AppendRun> appendRuns = new ArrayList<>();
        try {
            for (int run = 1; run <= runs; run++) {
                Path dir = root.resolve("run-" + run);
                long started = System.nanoTime();
                ConfigurableApplicationContext context = start(dir);
                try {
                    out.printf(Locale.ROOT, "Run %d/%d: server context on a fresh embedded PostgreSQL ready in %.1f s%n", run, runs,
                            (System.nanoTime() - started) / 1e9);
                    makeDurable(context, run == 1);
                    appendRuns.add(appendRun(context, run));
                    if (run == runs) {
                        summariseAppends(appendRuns);
                        if (proofSize > 0) {
                            proofPhase(context);
                        }
                    }
                } finally {
                    context.close();
                    deleteRecursively(dir);
                }
            }
        } finally {
            deleteRecursively(root);
        }
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        // Room in the tile cache for every tile of the proof log, so the warm figure never misses.
        long cacheTiles = Math.max(8192, tilesOf(proofSize) + 16);
        // Throwaway secrets, so that the server neither prints an administrator password nor writes a master key file.
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] masterKey = new byte[32];
        random.nextBytes(masterKey);
        byte[] password = new byte[18];
        random.nextBytes(password);
        // A servlet context, because the security configuration needs one, but no web server: port -1 opens none.
        return new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--banyan.data-dir=" + dataDir.toAbsolutePath(),
                        "--banyan.db.clean-embedded=true",
                        "--server.port=-1",
                        "--logging.threshold.console=WARN",
                        "--logging.level.org.apache.lucene.internal.vectorization=ERROR",
                        "--banyan.audit.tile-cache-tiles=" + cacheTiles,
                        "--banyan.audit.master-key=" + java.util.Base64.getEncoder().encodeToString(masterKey),
                        "--banyan.initial-admin-password=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(password));
    }

    /**
     * Makes commits durable. The embedded PostgreSQL (zonky) is started with {@code synchronous_commit=off} unless
     * told otherwise, so a commit returns before its WAL is flushed; the benchmark measures durable appends, so it
     * turns it on for the database (this outranks the server's command line) and renews the pool's connections.
     */
    private void makeDurable(ConfigurableApplicationContext context, boolean describe) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String before = jdbc.sql("show synchronous_commit").query(String.class).single();
        if (!"on".equals(before)) {
            String database = jdbc.sql("select current_database()").query(String.class).single();
            jdbc.sql("alter database \"" + database + "\" set synchronous_commit = on").update();
            if (context.getBean(DataSource.class) instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                hikari.getHikariPoolMXBean().softEvictConnections();
            }
        }
        String synchronousCommit = jdbc.sql("show synchronous_commit").query(String.class).single();
        String fsync = jdbc.sql("show fsync").query(String.class).single();
        if (!"on".equals(synchronousCommit) || !"on".equals(fsync)) {
            throw new IllegalStateException("the benchmark measures durable commits, but synchronous_commit is "
                    + synchronousCommit + " and fsync is " + fsync);
        }
        if (describe) {
            out.printf("  PostgreSQL %s: synchronous_commit=%s (was %s as the server configures it), fsync=%s, wal_sync_method=%s,"
                            + " full_page_writes=%s, shared_buffers=%s, commit_delay=%s%n",
                    jdbc.sql("show server_version").query(String.class).single(), synchronousCommit, before, fsync,
                    jdbc.sql("show wal_sync_method").query(String.class).single(),
                    jdbc.sql("show full_page_writes").query(String.class).single(),
                    jdbc.sql("show shared_buffers").query(String.class).single(),
                    jdbc.sql("show commit_delay").query(String.class).single());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Appends

    private AppendRun appendRun(ConfigurableApplicationContext context, int run) throws Exception {
        EvidenceLog log = context.getBean(EvidenceLog.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("create schema if not exists bench").update();
        jdbc.sql("create table bench.naive_audit (id bigserial primary key, entry bytea not null)").update();

        LongToIntFunction append = i -> {
            LoggedEntry entry = log.append(evidence(i));
            return entry.bytes().length;
        };
        LongToIntFunction insert = i -> {
            // What the log's callers do (canonical JSON, digest), then one INSERT committed on its own.
            Evidence e = evidence(i);
            byte[] entry = EntryFormat.entry(e.type(), e.actor(), e.subject(), Instant.now(), EntryFormat.payloadJson(e.payload()));
            jdbc.sql("insert into bench.naive_audit (entry) values (?)").param(entry).update();
            return entry.length;
        };

        // The server may record evidence of its own start (e.g. the initial administrator); let it land first.
        log.awaitRecorded(java.time.Duration.ofSeconds(10));
        long before = log.size();
        int warm = Math.max(1000, Math.min(entries / 10, 20_000));
        Pass logWarm = pass(warm, 0, append);
        Pass naiveWarm = pass(warm, 0, insert);
        out.printf(Locale.ROOT, "  warm-up (untimed): %,d appends at %,.0f/s, %,d inserts at %,.0f/s%n",
                warm, logWarm.perSecond(), warm, naiveWarm.perSecond());

        // The two take turns in slices, the first slice alternating between runs, so that both meet the same load on a
        // shared machine and neither always meets the other's checkpoint or autovacuum.
        Path postgresDir = context.getBean(dev.banyan.server.platform.BanyanSettings.class).embeddedDatabaseDir();
        List<Pass> logSlices = new ArrayList<>();
        List<Pass> naiveSlices = new ArrayList<>();
        Usage logUsage = Usage.NONE;
        Usage naiveUsage = Usage.NONE;
        int done = 0;
        for (int slice = 0; slice < SLICES; slice++) {
            int count = (entries - done) / (SLICES - slice);
            long base = warm + done;
            for (int turn = 0; turn < 2; turn++) {
                boolean logTurn = (turn == 0) == ((run + slice) % 2 == 1);
                Probe probe = new Probe(jdbc, postgresDir);
                Pass p = pass(count, base, logTurn ? append : insert);
                Usage used = probe.usage(p.nanos());
                if (logTurn) {
                    logSlices.add(p);
                    logUsage = logUsage.plus(used);
                } else {
                    naiveSlices.add(p);
                    naiveUsage = naiveUsage.plus(used);
                }
            }
            done += count;
        }
        Pass logPass = Pass.merge(logSlices);
        Pass naivePass = Pass.merge(naiveSlices);
        printPass("evidence log, EvidenceLog.append", logPass, logUsage);
        printPass("baseline, INSERT + COMMIT per entry", naivePass, naiveUsage);
        out.printf(Locale.ROOT, "    ratio log / baseline: %.2f× (slices: %s)%n", logPass.perSecond() / naivePass.perSecond(),
                String.join(", ", java.util.stream.IntStream.range(0, SLICES).mapToObj(i -> String.format(Locale.ROOT, "%.2f",
                        logSlices.get(i).perSecond() / naiveSlices.get(i).perSecond())).toList()));

        long n = log.size();
        if (n - before != warm + entries) {
            out.printf(Locale.ROOT, "  note: the log grew by %,d entries, %,d of them the benchmark's%n", n - before, warm + entries);
        }
        // The raw bytes of every entry in the log, read back from its bundles (including any the server logged itself).
        LogStore store = context.getBean(LogStore.class);
        long raw = 0;
        for (long tile = 0; tile * LogStore.TILE_WIDTH < n; tile++) {
            for (byte[] entry : store.entries(tile)) {
                raw += entry.length;
            }
        }
        long rawBytes = raw;
        Storage storage = jdbc.sql("""
                select pg_total_relation_size('audit.entry_tile'), pg_total_relation_size('audit.entry_segment'),
                       pg_total_relation_size('audit.hash_tile'), pg_total_relation_size('audit.entry_index'),
                       (select count(*) from bench.naive_audit), (select sum(octet_length(entry)) from bench.naive_audit),
                       pg_total_relation_size('bench.naive_audit')""")
                .query((rs, i) -> new Storage(n, rawBytes, rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), 0))
                .single();
        // Every batch rewrites the right-most hash tiles and folds segments into full bundles; the old versions are dead
        // rows until autovacuum (once a minute) frees their space for reuse. VACUUM FULL shows what is live.
        jdbc.sql("vacuum full audit.entry_tile, audit.entry_segment, audit.hash_tile").update();
        long live = jdbc.sql("""
                select pg_total_relation_size('audit.entry_tile') + pg_total_relation_size('audit.entry_segment')
                     + pg_total_relation_size('audit.hash_tile')""").query(Long.class).single();
        Storage measured = storage;
        storage = new Storage(n, measured.raw(), measured.entryTile(), measured.entrySegment(), measured.hashTile(),
                measured.index(), measured.naiveRows(), measured.naiveRaw(), measured.naive(), live);
        out.printf(Locale.ROOT, "  storage: %,d entries of %.1f bytes on average; log %.1f bytes/entry (bundles %,d + segments %,d + hash tiles %,d bytes),"
                        + " (log − 32·n) / raw = %.3f; live (after VACUUM FULL) %.1f bytes/entry, ratio %.3f; naive table %.1f bytes/entry;"
                        + " search index %.1f bytes/entry%n",
                n, (double) storage.raw() / n, (double) storage.log() / n, storage.entryTile(), storage.entrySegment(),
                storage.hashTile(), storage.ratio(), (double) storage.liveLog() / n, storage.liveRatio(),
                (double) storage.naive() / storage.naiveRows(), (double) storage.index() / n);
        return new AppendRun(logPass, naivePass, storage);
    }

    /** What a pass used: write transactions, and CPU seconds of the sequencer thread, this JVM, PostgreSQL, the machine. */
    private record Usage(long transactions, double wallSeconds, double sequencer, double jvm, double postgres, double machine,
                         double stolen) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0);

        Usage plus(Usage o) {
            return new Usage(transactions + o.transactions, wallSeconds + o.wallSeconds, sequencer + o.sequencer, jvm + o.jvm,
                    postgres + o.postgres, machine + o.machine, stolen + o.stolen);
        }

        String describe(int entries) {
            return String.format(Locale.ROOT, "%,d write transactions (%.1f entries each, one every %.2f ms); CPU in cores: sequencer thread %.2f,"
                            + " this JVM %.2f, PostgreSQL %s, whole machine %s busy (%s stolen) of %d", transactions,
                    (double) entries / transactions, wallSeconds * 1000 / transactions, sequencer / wallSeconds, jvm / wallSeconds,
                    cores(postgres), cores(machine), cores(stolen), Runtime.getRuntime().availableProcessors());
        }

        private String cores(double seconds) {
            return seconds < 0 ? "?" : String.format(Locale.ROOT, "%.2f", seconds / wallSeconds);
        }
    }

    /**
     * Measures where a pass's time went: write transactions committed (each takes a transaction id), and CPU — of the
     * sequencer thread, of this JVM, of the embedded PostgreSQL's processes and of the whole machine (Linux only).
     */
    private static final class Probe {

        private final JdbcClient jdbc;
        private final Path postgresDir;
        private final long firstXid;
        private final long sequencerCpu;
        private final long jvmCpu;
        private final long postgresTicks;
        private final long[] machineTicks;

        Probe(JdbcClient jdbc, Path postgresDir) {
            this.jdbc = jdbc;
            this.postgresDir = postgresDir;
            this.firstXid = nextXid();
            this.sequencerCpu = sequencerCpu();
            this.jvmCpu = jvmCpu();
            this.postgresTicks = postgresTicks();
            this.machineTicks = machineTicks();
        }

        Usage usage(long nanos) {
            long transactions = nextXid() - firstXid;
            long pg = postgresTicks();
            long[] machine = machineTicks();
            boolean proc = machine.length == 2 && machineTicks.length == 2;
            return new Usage(transactions, nanos / 1e9, (sequencerCpu() - sequencerCpu) / 1e9, (jvmCpu() - jvmCpu) / 1e9,
                    pg < 0 || postgresTicks < 0 ? -1e9 : (pg - postgresTicks) / 100.0,
                    proc ? (machine[0] - machineTicks[0]) / 100.0 : -1e9, proc ? (machine[1] - machineTicks[1]) / 100.0 : -1e9);
        }

        private long nextXid() {
            return jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
        }

        private static long sequencerCpu() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("audit-sequencer")) {
                    return threads.getThreadCpuTime(t.threadId());
                }
            }
            return 0;
        }

        private static long jvmCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        /** User + system clock ticks of the postmaster and its children, or −1 if /proc is not there. */
        private long postgresTicks() {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(postgresDir.resolve("postmaster.pid")).getFirst().strip());
                long ticks = 0;
                try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                        String[] f = stat(proc);
                        if (f != null && (Long.parseLong(proc.getFileName().toString()) == postmaster || Long.parseLong(f[1]) == postmaster)) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    }
                }
                return ticks;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** The fields of /proc/PID/stat after the command name (state, ppid, …), or null if the process is gone. */
        private static String[] stat(Path proc) {
            try {
                String line = Files.readString(proc.resolve("stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Busy and stolen clock ticks of the whole machine, or none if /proc/stat is not there. */
        private static long[] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    if (i != 4 && i != 5) {   // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return new long[] {busy, f.length > 8 ? Long.parseLong(f[8]) : 0};
            } catch (IOException | RuntimeException e) {
                return new long[0];
            }
        }
    }

    private void printPass(String what, Pass pass, Usage usage) {
        out.printf(Locale.ROOT, "  %-36s %,9.0f /s   p50 %6.2f ms   p99 %6.2f ms   (%,d in %.1f s)%n", what, pass.perSecond(),
                pass.percentileMillis(50), pass.percentileMillis(99), pass.count(), pass.nanos() / 1e9);
        out.println("      " + usage.describe(pass.count()));
    }

    /** Calls {@code op(base + i)} for i in 0 … count−1 from {@code concurrency} virtual threads, all released at once. */
    private Pass pass(int count, long base, LongToIntFunction op) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        LongAdder bytes = new LongAdder();
        CountDownLatch go = new CountDownLatch(1);
        long nanos;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>(concurrency);
            for (int t = 0; t < concurrency; t++) {
                done.add(threads.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long started = System.nanoTime();
                        int size = op.applyAsInt(base + i);
                        latencies[i] = System.nanoTime() - started;
                        bytes.add(size);
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(count);
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            nanos = System.nanoTime() - started;
        }
        return new Pass(count, nanos, latencies, bytes.sum());
    }

    /**
     * Evidence of one sharing call, the log's most frequent kind: a client of a department calls a sharing service for
     * a purpose. Deterministic in {@code i}; the entry is about 200 bytes, the payload about 300.
     */
    static Evidence evidence(long i) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 20261122L);
        String department = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
        String client = "client:" + department + "-" + HEX.toHexDigits(r.nextInt());
        String service = "service:" + SERVICES[r.nextInt(SERVICES.length)];
        List<String> fields = new ArrayList<>();
        int from = r.nextInt(FIELDS.length);
        for (int f = 0, k = 2 + r.nextInt(4); f < k; f++) {
            fields.add(FIELDS[(from + f) % FIELDS.length]);
        }
        byte[] param = new byte[32];
        r.nextBytes(param);
        int status = STATUSES[r.nextInt(STATUSES.length)];
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("purpose", PURPOSES[r.nextInt(PURPOSES.length)]);
        payload.put("basis", "榕政数〔2026〕" + (1 + r.nextInt(60)) + "号");
        payload.put("paramHash", "sha256:" + HEX.formatHex(param));
        payload.put("fields", fields);
        payload.put("rows", status == 200 ? 1 + r.nextInt(20) : 0);
        payload.put("status", status);
        payload.put("latencyMs", 3 + r.nextInt(400));
        payload.put("requestId", HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextInt()));
        return Evidence.of("share.call", client, service, payload);
    }

    private void summariseAppends(List<AppendRun> all) {
        double logRate = median(all, r -> r.log().perSecond());
        double naiveRate = median(all, r -> r.naive().perSecond());
        out.printf(Locale.ROOT, "Appends, medians of %d runs (%,d entries, %d threads):%n", all.size(), entries, concurrency);
        out.printf(Locale.ROOT, "  | durable appends/s | %,.0f | %,.0f | %.2f× (median of the runs' ratios %.2f×) |%n", logRate, naiveRate,
                logRate / naiveRate, median(all, r -> r.log().perSecond() / r.naive().perSecond()));
        for (double p : new double[] {50, 99}) {
            double log = median(all, r -> r.log().percentileMillis(p));
            double naive = median(all, r -> r.naive().percentileMillis(p));
            out.printf(Locale.ROOT, "  | p%.0f append latency | %.2f ms | %.2f ms | %.2f× |%n", p, log, naive, naive / log);
        }
        double raw = median(all, r -> (double) r.storage().raw() / r.storage().n());
        double logBytes = median(all, r -> (double) r.storage().log() / r.storage().n());
        double naiveBytes = median(all, r -> (double) r.storage().naive() / r.storage().naiveRows());
        double ratio = median(all, r -> r.storage().ratio());
        double index = median(all, r -> (double) r.storage().index() / r.storage().n());
        out.printf(Locale.ROOT, "  | storage per entry (entries average %.1f bytes) | %.1f bytes | %.1f bytes (naive table) | %.2f× |%n",
                raw, logBytes, naiveBytes, naiveBytes / logBytes);
        double liveBytes = median(all, r -> (double) r.storage().liveLog() / r.storage().n());
        double live = median(all, r -> r.storage().liveRatio());
        out.printf(Locale.ROOT, "  | storage per entry, live (after VACUUM FULL) | %.1f bytes | | |%n", liveBytes);
        out.printf(Locale.ROOT, "  | (log − 32 bytes × entries) / raw entry bytes (goal ≤ 1.2) | %.3f as left, %.3f live | | |%n",
                ratio, live);
        out.printf(Locale.ROOT, "  | search index per entry (entry_index: fields, leaf hash, payload; not part of the log) | %.1f bytes | | |%n", index);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Proofs

    private void proofPhase(ConfigurableApplicationContext context) throws Exception {
        TiledEvidenceLog log = context.getBean(TiledEvidenceLog.class);
        LogStore store = context.getBean(LogStore.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        out.printf(Locale.ROOT, "Proofs: emptying the log's tables and bulk-building the hash tiles of a log of %,d synthetic entries%n", proofSize);
        long started = System.nanoTime();
        byte[] root = bulkBuild(context.getBean(DataSource.class), proofSize);
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        long hashTileBytes = jdbc.sql("select pg_total_relation_size('audit.hash_tile')").query(Long.class).single();
        String parts = jdbc.sql("""
                select format('heap %s, TOAST %s, TOAST index %s, primary key %s',
                    pg_relation_size(c.oid), pg_relation_size(c.reltoastrelid),
                    pg_indexes_size(c.reltoastrelid), pg_indexes_size(c.oid))
                from pg_class c where c.oid = 'audit.hash_tile'::regclass""").query(String.class).single();
        out.printf(Locale.ROOT, "  built and stored in %.1f s (%,.0f leaves/s); hash tiles take %,d bytes, %.1f bytes per entry (%s)%n",
                buildSeconds, proofSize / buildSeconds, hashTileBytes, (double) hashTileBytes / proofSize, parts);
        log.cache().clear();
        if (log.size() != proofSize) {
            throw new IllegalStateException("the log says it has " + log.size() + " entries after the bulk build of " + proofSize);
        }

        long size = proofSize;
        long[] indexes = new SplittableRandom(42).longs(proofs, 0, size).toArray();
        // Checked once, untimed: the tiles prove the synthetic leaves against the root.
        byte[] leaf = new byte[32];
        for (int i = 0; i < Math.min(200, proofs); i++) {
            syntheticLeaf(indexes[i], leaf);
            if (!InclusionProof.verify(indexes[i], size, leaf, log.inclusionProof(indexes[i], size), root)) {
                throw new IllegalStateException("the proof of synthetic entry " + indexes[i] + " does not verify");
            }
        }
        // The tiles these proofs touch, in plain memory; and how many each proof reads.
        StoredTiles uncached = new StoredTiles(store, null);
        Map<Long, byte[]> memory = new HashMap<>();
        long[] reads = new long[1];
        TiledTree loader = new TiledTree((level, index, width) -> {
            reads[0]++;
            return memory.computeIfAbsent(tileKey(level, index), k -> uncached.readTile(level, index, width));
        });
        for (long index : indexes) {
            loader.inclusionProof(index, size);
        }
        TiledTree inMemory = new TiledTree((level, index, width) -> memory.get(tileKey(level, index)));
        int hashes = 0;
        for (long index : indexes) {
            hashes += InclusionProof.length(index, size);
        }
        out.printf(Locale.ROOT, "  %,d random entries: %.2f tiles read and %.1f hashes per proof, %,d distinct tiles (%,d KiB)%n",
                proofs, (double) reads[0] / proofs, (double) hashes / proofs, memory.size(),
                memory.values().stream().mapToLong(h -> h.length).sum() >> 10);

        List<ProofRun> proofRuns = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (long index : indexes) {   // warms the tile cache (and the JIT)
                log.inclusionProof(index, size);
            }
            long[] api = time(indexes, index -> log.inclusionProof(index, size), null);
            long[] cached = time(indexes, index -> log.tree().inclusionProof(index, size), null);
            long[] memoryTimes = time(indexes, index -> inMemory.inclusionProof(index, size), null);
            long[] cold = time(indexes, index -> log.inclusionProof(index, size), () -> log.cache().clear());
            ProofRun r = new ProofRun(api, cached, memoryTimes, cold);
            proofRuns.add(r);
            out.printf(Locale.ROOT, "  run %d: p50/p95/p99 ms — EvidenceLog.inclusionProof, cache warm %s; tiles from the cache only %s;"
                            + " in memory %s; cache cleared before each proof %s%n", run, triple(api), triple(cached),
                    triple(memoryTimes), triple(cold));
        }
        out.printf(Locale.ROOT, "Inclusion proofs in a log of %,d entries, medians of %d runs of %,d proofs:%n", size, runs, proofs);
        for (double p : new double[] {50, 95, 99}) {
            double api = medianMillis(proofRuns, ProofRun::api, p);
            double cached = medianMillis(proofRuns, ProofRun::cached, p);
            double memoryMs = medianMillis(proofRuns, ProofRun::memory, p);
            double cold = medianMillis(proofRuns, ProofRun::cold, p);
            out.printf(Locale.ROOT, "  | p%.0f inclusion proof | %.3f ms (API, incl. size query) / %.3f ms (cached tiles) | %.3f ms (cache cleared) | %.1f× | in memory %.3f ms |%n",
                    p, api, cached, cold, cold / api, memoryMs);
        }
        out.printf(Locale.ROOT, "  | bulk build of %,d leaves (hash, COPY, commit) | %.1f s | | | |%n", size, buildSeconds);
    }

    private static String triple(long[] nanos) {
        return String.format(Locale.ROOT, "%.3f/%.3f/%.3f", percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6,
                percentile(nanos, 99) / 1e6);
    }

    private static long[] time(long[] indexes, java.util.function.LongConsumer proof, Runnable before) {
        long[] nanos = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            if (before != null) {
                before.run();
            }
            long started = System.nanoTime();
            proof.accept(indexes[i]);
            nanos[i] = System.nanoTime() - started;
        }
        return nanos;
    }

    /**
     * Replaces the log's contents with the hash tiles of {@code size} synthetic leaves, streamed through
     * {@link LogTree} into one binary {@code COPY}, and sets the log's size and root — all in one transaction, so
     * the sequencer sees either the old log or the new one. Memory stays at a few tiles whatever the size.
     */
    private byte[] bulkBuild(DataSource dataSource, long size) throws SQLException, IOException {
        LogTree tree = new LogTree();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("truncate audit.entry_tile, audit.entry_segment, audit.hash_tile, audit.checkpoint, audit.entry_index");
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy audit.hash_tile (level, tile_index, hashes) from stdin (format binary)");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            DataOutputStream rows = new DataOutputStream(buffer);
            rows.writeBytes("PGCOPY\n");
            rows.write(new byte[] {(byte) 0xFF, '\r', '\n', 0});
            rows.writeInt(0);   // flags
            rows.writeInt(0);   // header extension
            byte[] leaf = new byte[32];
            long step = Math.max(1, size / 10);
            long started = System.nanoTime();
            long tiles = 0;
            for (long i = 0; i < size; i++) {
                syntheticLeaf(i, leaf);
                List<TileContent> completed = tree.append(leaf);
                for (TileContent t : completed) {
                    writeTile(rows, t);
                    tiles++;
                }
                if (buffer.size() >= 1 << 20) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
                if ((i + 1) % step == 0) {
                    out.printf(Locale.ROOT, "    %,d / %,d leaves, %,d full tiles sent (%.1f s)%n", i + 1, size, tiles,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            for (TileContent t : tree.partialTiles()) {
                writeTile(rows, t);
            }
            rows.writeShort(-1);
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            long copied = copy.endCopy();
            try (PreparedStatement state = c.prepareStatement("update audit.log_state set size = ?, root = ?, updated_at = now() where id = 1")) {
                state.setLong(1, size);
                state.setBytes(2, tree.root());
                state.executeUpdate();
            }
            long committing = System.nanoTime();
            c.commit();
            out.printf(Locale.ROOT, "    %,d tiles copied; commit took %.1f s%n", copied, (System.nanoTime() - committing) / 1e9);
            c.setAutoCommit(true);
        }
        return tree.root();
    }

    private static void writeTile(DataOutputStream rows, TileContent t) throws IOException {
        rows.writeShort(3);
        rows.writeInt(2);
        rows.writeShort(t.tile().level());
        rows.writeInt(8);
        rows.writeLong(t.tile().index());
        rows.writeInt(t.hashes().length);
        rows.write(t.hashes());
    }

    /** The synthetic leaf hash of entry {@code i}: SplitMix64 of its index, so any of them can be checked later. */
    static void syntheticLeaf(long i, byte[] out) {
        for (int k = 0; k < 4; k++) {
            long z = (i * 4 + k + 1) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int b = 0; b < 8; b++) {
                out[k * 8 + b] = (byte) (z >>> (56 - 8 * b));
            }
        }
    }

    /** Hash tiles of a log of {@code size} leaves, all levels. */
    private static long tilesOf(long size) {
        long tiles = 0;
        for (long hashes = size; hashes > 0; hashes /= 256) {
            tiles += (hashes + 255) / 256;
            if (hashes < 256) {
                break;
            }
        }
        return tiles;
    }

    private static long tileKey(int level, long index) {
        return index << 3 | level;
    }

    // ---------------------------------------------------------------------------------------------------------------

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.clamp((int) Math.ceil(p / 100.0 * sorted.length) - 1, 0, sorted.length - 1)];
    }

    private static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double medianMillis(List<ProofRun> runs, java.util.function.Function<ProofRun, long[]> which, double p) {
        return median(runs, r -> percentile(which.apply(r), p) / 1e6);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark's data in " + dir, e);
        }
    }
}
