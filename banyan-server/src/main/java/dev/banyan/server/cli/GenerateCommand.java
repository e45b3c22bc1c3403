package dev.banyan.server.cli;

import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.GenerationReport;
import dev.banyan.synthcity.Profile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code banyan generate}: writes the synthetic city's department data, without starting the server. */
@Command(name = "generate", description = {
        "Generate the source data of the synthetic city Rongcheng's departments, with ground truth.",
        "生成模拟城市榕城各部门的源数据及真值文件。"})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--persons", defaultValue = "20000", description = "Residents (default ${DEFAULT-VALUE}) / 人口")
    int persons;

    @Option(names = "--seed", defaultValue = "20260101", description = "Seed; the same seed gives the same city (default ${DEFAULT-VALUE}) / 随机种子")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory / 输出目录")
    Path out;

    @Option(names = "--profile", defaultValue = "normal", description = "normal or hard: how messy the data is (default ${DEFAULT-VALUE}) / 数据混乱程度")
    Profile profile;

    @Override
    public Integer call() throws Exception {
        if (persons < 1 || persons > 50_000_000) {
            System.err.println("--persons must be between 1 and 50,000,000, got " + persons + " / 人口须在 1 到 5000 万之间");
            return 2;
        }
        TerminalProgressBar bar = new TerminalProgressBar(System.err);
        GenerationReport report = new CityGenerator().generate(new GenerationOptions(persons, seed, profile, out), bar::update);
        bar.finish();
        System.out.printf("Rongcheng generated / 已生成榕城: %,d persons 人, %,d companies 企业, %d datasets 数据集, in %s (%.1f s)%n",
                report.persons(), report.enterprises(), report.datasets().size(), out.toAbsolutePath(),
                report.elapsed().toMillis() / 1000.0);
        for (var d : report.datasets()) {
            System.out.printf("  %-20s %-28s %,10d rows  %s %s%s%n", d.department(), d.dataset(), d.rows(), d.format(),
                    d.encoding(), "database".equals(d.servedAs()) ? "  (served as a database / 以数据库提供)" : "");
        }
        return 0;
    }
}
