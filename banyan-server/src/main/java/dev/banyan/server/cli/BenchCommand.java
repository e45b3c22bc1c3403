package dev.banyan.server.cli;

import dev.banyan.server.BanyanApplication;
import dev.banyan.server.audit.AuditBenchmark;
import dev.banyan.server.catalog.CatalogSearchBenchmark;
import dev.banyan.server.fuse.LinkBenchmark;
import dev.banyan.server.share.VerificationBenchmark;
import dev.banyan.synthcity.Profile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code banyan bench …}: benchmarks that print their own baseline beside their figure. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {"Run a benchmark with its baseline.", "运行基准测试（附基线对比）。"},
        subcommands = {BenchCommand.CatalogSearch.class, IngestBench.class, BenchCommand.Audit.class, BenchCommand.Link.class,
                BenchCommand.Gateway.class, BenchCommand.Verify.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code banyan bench catalog-search}: Lucene catalog search against a linear scan of the same resources. */
    @Command(name = "catalog-search", mixinStandardHelpOptions = true, description = {
            "Catalog full-text search: p50/p95 of Lucene with facets vs a linear scan of the same synthetic catalog.",
            "目录全文检索：Lucene（含分面）与线性扫描的 p50/p95 对比。"})
    static final class CatalogSearch implements Callable<Integer> {

        @Option(names = "--resources", defaultValue = "20000", description = "Resources in the catalog (default 20000)")
        int resources;

        @Option(names = "--fields", defaultValue = "30", description = "Fields per resource (default 30)")
        int fields;

        @Option(names = "--queries", defaultValue = "2000", description = "Timed queries (default 2000)")
        int queries;

        @Override
        public Integer call() throws Exception {
            CatalogSearchBenchmark.run(resources, fields, queries, System.out);
            return 0;
        }
    }

    /** {@code banyan bench audit}: the evidence log's durable appends, storage and inclusion proofs, each with its baseline. */
    @Command(name = "audit", mixinStandardHelpOptions = true, description = {
            "Evidence log: durable appends/s against one INSERT + COMMIT per entry, storage per entry against the raw entry bytes, "
                    + "and inclusion proofs in a large log with the tile cache warm against reading every tile from PostgreSQL. "
                    + "Starts the server on fresh temporary embedded databases (deleted afterwards); takes a few minutes.",
            "存证日志：持久化追加吞吐（对比逐条 INSERT + COMMIT）、每条记录的存储开销（对比原始记录字节）、"
                    + "大日志中的包含证明耗时（瓦片缓存命中 对比 每次从 PostgreSQL 读取瓦片）。"
                    + "在临时的嵌入式数据库上启动服务（结束后删除），约需数分钟。"})
    static final class Audit implements Callable<Integer> {

        @Option(names = "--entries", defaultValue = "200000", description = "Timed appends per run, and as many baseline inserts (default 200000) / 每轮计时追加条数")
        int entries;

        @Option(names = "--concurrency", defaultValue = "256", description = "Virtual threads appending at once (default 256) / 并发虚拟线程数")
        int concurrency;

        @Option(names = "--runs", defaultValue = "3", description = "Repetitions; medians are reported (default 3) / 重复轮数（报告中位数）")
        int runs;

        @Option(names = "--proof-size", defaultValue = "10000000", description = "Entries of the log that proofs are timed in; 0 skips proofs (default 10000000) / 证明测试所用日志的规模")
        long proofSize;

        @Option(names = "--proofs", defaultValue = "10000", description = "Timed inclusion proofs per run, at random entries (default 10000) / 每轮计时证明次数")
        int proofs;

        @Override
        public Integer call() throws Exception {
            AuditBenchmark.run(new AuditBenchmark.Options(entries, concurrency, runs, proofSize, proofs), BanyanApplication.class, System.out);
            return 0;
        }
    }

    /** {@code banyan bench link}: entity resolution of a synthetic city's person records against the identity-number join. */
    @Command(name = "link", mixinStandardHelpOptions = true, description = {
            "Record linkage: all person records of a synthetic city (every department) linked end to end — time, pairs compared, "
                    + "pairwise precision/recall/F1 — against the baseline of joining on the identity number alone; then an incremental batch.",
            "记录链接：合成城市各部门全部人员记录端到端链接（耗时、比较对数、成对准确率/召回率/F1），对比仅按身份证号关联的基线；再测增量批次。"})
    static final class Link implements Callable<Integer> {

        @Option(names = "--persons", defaultValue = "20000", description = "Residents of the generated city (default 20000; 170000 gives about 1,000,000 records) / 人口")
        int persons;

        @Option(names = "--profile", defaultValue = "normal", description = "normal or hard (default normal) / 数据混乱程度")
        Profile profile;

        @Option(names = "--dir", description = "City directory, reused if it holds a city (default /tmp/banyan-link-bench-PERSONS-PROFILE) / 城市目录")
        Path dir;

        @Option(names = "--batch", defaultValue = "10000", description = "Records of the incremental batch; 0 skips it (default 10000) / 增量批次记录数")
        int batch;

        @Override
        public Integer call() {
            Path city = dir != null ? dir : Path.of("/tmp/banyan-link-bench-" + persons + "-" + profile);
            LinkBenchmark.run(new LinkBenchmark.Options(persons, profile, city, batch), System.out);
            return 0;
        }
    }

    /** {@code banyan bench gateway}: authenticated lookups through the exchange's gateway against direct point selects. */
    @Command(name = "gateway", mixinStandardHelpOptions = true, description = {
            "Exchange gateway: authenticated key lookups over loopback HTTP (JWT, grant, masking, call log sealed into the evidence "
                    + "log, durable) against the same lookups as prepared point selects straight on PostgreSQL (pgbench -S style). "
                    + "Lands a generated city on a fresh temporary embedded database first (deleted afterwards).",
            "共享网关：经网关的带认证按键查询（JWT、授权、脱敏、调用日志并存证、持久提交），对比直接在 PostgreSQL 上的预编译点查询（pgbench -S 方式）。"
                    + "先在临时嵌入式数据库上落地一座生成的城市（结束后删除）。"})
    static final class Gateway implements Callable<Integer> {

        @Option(names = "--persons", defaultValue = "20000", description = "Residents of the generated city (default 20000) / 人口")
        int persons;

        @Option(names = "--connections", defaultValue = "32", description = "Concurrent connections, HTTP and direct (default 32) / 并发连接数")
        int connections;

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds per timed run (default 10) / 每轮秒数")
        double seconds;

        @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each; medians are reported (default 3) / 轮数")
        int runs;

        @Override
        public Integer call() throws Exception {
            dev.banyan.server.share.GatewayBenchmark.run(new dev.banyan.server.share.GatewayBenchmark.Options(persons, connections,
                    seconds, runs), BanyanApplication.class, System.out);
            return 0;
        }
    }

    /** {@code banyan bench verify}: batch verification of many subjects against one hand-written SQL statement. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
            "Batch verification: a file of identity numbers (residents, unknown and invalid numbers, shuffled) verified "
                    + "against the public rental housing scene through the real batch path (COPY, one set-based statement, "
                    + "CEL on every core, result file, evidence), against the same answers from one hand-written SQL statement "
                    + "(COPY in and out) in the same run; prints seconds, subjects/s and their ratio. Generates (or reuses) a city "
                    + "and starts the server on a fresh temporary embedded database (deleted afterwards); a few minutes.",
            "批量核验：一份身份证号码文件（本市居民、不存在的号码、校验位错误的号码，随机排列）按公租房资格核验场景走真实批量路径"
                    + "（COPY、一条集合式语句、多核 CEL 求值、结果文件、存证），与同一轮中一条手写 SQL 语句（COPY 导入导出）得出的相同结果对比；"
                    + "输出秒数、每秒核验数及比值。生成（或复用）模拟城市，在临时嵌入式数据库上启动服务（结束后删除），约需数分钟。"})
    static final class Verify implements Callable<Integer> {

        @Option(names = "--subjects", defaultValue = "1000000", description = "Identity numbers in the batch (default 1000000) / 核验对象数")
        int subjects;

        @Option(names = "--persons", defaultValue = "1000000", description = "Residents of the generated city (default 1000000) / 人口")
        int persons;

        @Option(names = "--runs", defaultValue = "3", description = "Repetitions; medians are reported (default 3) / 重复轮数（报告中位数）")
        int runs;

        @Option(names = "--dir", description = "City directory, reused if it holds a city (default /tmp/banyan-verify-bench-PERSONS) / 城市目录")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path city = dir != null ? dir : Path.of("/tmp/banyan-verify-bench-" + persons);
            VerificationBenchmark.run(new VerificationBenchmark.Options(persons, subjects, runs, city), BanyanApplication.class,
                    System.out);
            return 0;
        }
    }
}
