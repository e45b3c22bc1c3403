package dev.banyan.server.cli;

import dev.banyan.server.BanyanApplication;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.QualityScore;
import dev.banyan.server.ingest.SourceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code banyan ingest}: lands and governs a source into a catalog resource, or runs an ingest job, on Banyan's own
 * database (the embedded one in the data directory, or {@code BANYAN_DB_URL}) — with a progress line while it reads.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = {
        "Land and govern a source into a catalog resource (RAW → STANDARD, rejected rows to quarantine), or run an ingest job.",
        "将数据源采集并治理到目录资源（原始库 → 标准库，不合格行进入隔离区），或运行采集任务。",
        "",
        "Examples / 示例:",
        "  banyan ingest 101001-…-0001 people.csv -o encoding=GBK",
        "  banyan ingest --job 3",
        "  banyan ingest --jobs",
        "Stop the server first when it uses the same embedded database (data directory) / 如服务使用同一内嵌数据库，请先停止服务。"})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESOURCE", description = "Catalog resource code / 目录资源代码")
    String resource;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SOURCE", description = "File path, JDBC URL or HTTP(S) URL / 文件路径、JDBC 或 HTTP(S) 地址")
    String source;

    @Option(names = "--type", description = "csv, tsv, json, ndjson, xlsx, xls, jdbc, rest (default: from the file name) / 数据源类型")
    String type;

    @Option(names = {"-o", "--option"}, description = "Source option key=value, repeatable (encoding=GBK, sheet=…, table=…) / 数据源选项")
    Map<String, String> sourceOptions = new LinkedHashMap<>();

    @Option(names = "--job", description = "Run this ingest job now / 立即运行该采集任务")
    Long job;

    @Option(names = "--jobs", description = "List the ingest jobs / 列出采集任务")
    boolean listJobs;

    @Option(names = "--as", defaultValue = "cli", description = "Who is recorded as having ingested (default cli) / 记录的操作人")
    String by;

    @Override
    public Integer call() {
        if (!listJobs && job == null && (resource == null || source == null)) {
            throw new IllegalArgumentException("give RESOURCE and SOURCE, or --job ID, or --jobs; see banyan ingest --help"
                    + " / 请给出资源代码和数据源，或 --job 任务号，或 --jobs");
        }
        try (ConfigurableApplicationContext context = start()) {
            if (listJobs) {
                return list(context.getBean(IngestJobs.class).list());
            }
            TerminalProgressBar bar = new TerminalProgressBar(System.out);
            long started = System.nanoTime();
            LongConsumer progress = n -> bar.count("rows read / 已读取行", n, started);
            IngestResult result = job != null
                    ? context.getBean(IngestJobs.class).run(job, by, progress)
                    : context.getBean(Ingestion.class).ingest(resource, SourceSpec.parse(type(), source, sourceOptions), by,
                    progress);
            bar.finish();
            report(result, (System.nanoTime() - started) / 1e9);
            return result.outcome() == IngestResult.Outcome.FAILED ? 1 : 0;
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new java.util.ArrayList<>(options.springArguments());
        args.add("--banyan.ingest.scheduler.enabled=false");
        args.add("--banyan.fuse.scheduler.enabled=false");
        // The command prints what became of the batch; the server's own warnings go to the log file only.
        args.add("--logging.threshold.console=ERROR");
        // A servlet context, because the security configuration needs one, but no web server: port -1 opens none.
        args.add("--server.port=-1");
        return new SpringApplicationBuilder(BanyanApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    private String type() {
        if (type != null) {
            return type.toLowerCase(Locale.ROOT);
        }
        String s = source.toLowerCase(Locale.ROOT);
        if (s.startsWith("jdbc:")) {
            return "jdbc";
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return "rest";
        }
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("cannot tell the type of " + source + " from its name; give --type"
                    + " / 无法从文件名判断类型，请用 --type 指定");
        }
        return s.substring(dot + 1);
    }

    private static int list(List<IngestJob> jobs) {
        if (jobs.isEmpty()) {
            System.out.println("No ingest jobs / 暂无采集任务");
        }
        for (IngestJob j : jobs) {
            System.out.printf("%4d  %-28s %-30s %-6s %-16s %s%n", j.id(), j.name(), j.resourceCode(), j.sourceType(),
                    j.schedule() == null ? "by hand / 手动" : j.schedule(), j.enabled() ? "" : "(disabled / 已停用)");
        }
        return 0;
    }

    private static void report(IngestResult result, double seconds) {
        IngestBatch b = result.batch();
        switch (result.outcome()) {
            case LANDED -> {
                System.out.printf(Locale.ROOT, "✓ Batch %d landed / 批次已入库: %,d rows read, %,d standardised, %,d quarantined"
                        + " (%.1f s, %,.0f rows/s)%n", b.id(), b.rowsRead(), b.rowsStandardised(), b.rowsQuarantined(),
                        seconds, b.rowsRead() / Math.max(seconds, 1e-9));
                System.out.printf(Locale.ROOT, "  读取 %,d 行，标准化 %,d 行，隔离 %,d 行%n", b.rowsRead(), b.rowsStandardised(),
                        b.rowsQuarantined());
                QualityScore q = b.quality();
                if (q != null) {
                    System.out.printf(Locale.ROOT, "  quality / 质量评分 %.1f — completeness 完整性 %.1f, validity 有效性 %.1f,"
                                    + " uniqueness 唯一性 %.1f, consistency 一致性 %.1f, timeliness 及时性 %.1f%n", q.score(),
                            q.completeness(), q.validity(), q.uniqueness(), q.consistency(), q.timeliness());
                }
                b.problems().stream().limit(5).forEach(p -> System.out.println("  ! " + p));
            }
            case ALREADY_LANDED -> System.out.printf("= The same source landed before as batch %d; nothing changed"
                    + " / 相同数据源已于批次 %d 入库，未作改动%n", b.id(), b.id());
            case FAILED -> System.out.printf("✘ Batch %d failed, nothing of it is visible / 批次失败，未留下任何数据: %s%n",
                    b.id(), result.reason());
        }
    }
}
