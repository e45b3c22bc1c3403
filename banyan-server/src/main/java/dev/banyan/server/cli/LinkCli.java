package dev.banyan.server.cli;

import dev.banyan.linkage.LinkCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code banyan link --config link.yaml INPUT.csv [SECOND.csv] [--truth TRUTH.csv] [--out clusters.csv]}: the record
 * linkage of the base libraries on any CSV, without starting the server — deduplicate one file or link two, with the
 * columns and comparators described in the config; with a truth it prints pairwise precision, recall and F1.
 */
@Command(name = "link", mixinStandardHelpOptions = true, description = {
        "Link records in CSV files: deduplicate one file or link two, as described by a YAML config "
                + "(columns, comparators, blocking, thresholds); with a truth prints pairwise precision, recall and F1.",
        "对 CSV 文件做记录链接：对一个文件去重或链接两个文件（按 YAML 配置的列、比较方式、分块与阈值）；给出真值时输出成对准确率、召回率和 F1。"})
final class LinkCli implements Callable<Integer> {

    @Option(names = {"--config", "-c"}, required = true, description = "The linkage config (YAML), see banyan-linkage/examples / 链接配置")
    Path config;

    @Parameters(arity = "1..2", paramLabel = "INPUT.csv", description = "One file to deduplicate, or two to link / 输入文件")
    List<Path> inputs;

    @Option(names = "--truth", description = "Truth CSV: record id, entity id (or pairs, see the config) / 真值文件")
    Path truth;

    @Option(names = {"--out", "-o"}, description = "Write record_id,source,cluster_id here / 输出聚类结果")
    Path out;

    @Override
    public Integer call() throws Exception {
        for (Path p : inputs) {
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("cannot read " + p + " / 无法读取输入文件");
            }
        }
        LinkCommand.Report report = LinkCommand.run(new LinkCommand.Options(config, inputs, truth, out), System.out);
        if (out != null) {
            System.out.println("clusters written to / 聚类结果已写入 " + out.toAbsolutePath());
        }
        return report.records() > 0 ? 0 : 1;
    }
}
