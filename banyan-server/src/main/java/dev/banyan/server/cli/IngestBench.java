package dev.banyan.server.cli;

import dev.banyan.server.BanyanApplication;
import dev.banyan.server.ingest.IngestBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code banyan bench ingest}: CSV → RAW landing against PostgreSQL's own COPY of the same file, in the same run. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = {
        "RAW landing: a CSV of the person shape (the synthetic city's household registrations, 18 columns) landed with "
                + "Ingestion.ingest into the RAW table of a catalog resource, against PostgreSQL COPY (FORMAT csv) of the same "
                + "file into an untyped table in the same run; prints seconds, rows/s, their ratio and the peak heap. "
                + "Starts the server on a fresh temporary embedded database (deleted afterwards); about 2–3 minutes.",
        "原始库装载：人口形态的 CSV（合成城市户籍登记，18 列）经 Ingestion.ingest 装载到目录资源的原始库表，"
                + "与同一轮中 PostgreSQL COPY（CSV 格式）将同一文件导入无类型表的耗时对比；输出秒数、行/秒、比值和堆内存峰值。"
                + "在临时的嵌入式数据库上启动服务（结束后删除），约需 2–3 分钟。"})
final class IngestBench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of the CSV, one per person of the generated city (default 1000000) / CSV 行数（每人一行）")
    int rows;

    @Option(names = "--runs", defaultValue = "3", description = "Repetitions; medians are reported (default 3) / 重复轮数（报告中位数）")
    int runs;

    @Override
    public Integer call() throws Exception {
        IngestBenchmark.run(new IngestBenchmark.Options(rows, runs), BanyanApplication.class, System.out);
        return 0;
    }
}
