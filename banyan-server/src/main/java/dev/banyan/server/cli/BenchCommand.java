package dev.banyan.server.cli;

import dev.banyan.server.catalog.CatalogSearchBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code banyan bench …}: benchmarks that print their own baseline beside their figure. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {"Run a benchmark with its baseline.", "运行基准测试（附基线对比）。"},
        subcommands = {BenchCommand.CatalogSearch.class, CommandLine.HelpCommand.class})
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
}
