package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates the synthetic city's source data unless it is there already. */
class GenerateCityStep implements DemoStep {

    private final DemoSettings settings;
    private final Path cityDir;

    GenerateCityStep(DemoSettings settings, Path cityDir) {
        this.settings = settings;
        this.cityDir = cityDir;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String title() {
        return "Generate the synthetic city Rongcheng / 生成模拟城市榕城 (" + settings.persons() + " persons)";
    }

    @Override
    public void run(DemoProgress progress) throws Exception {
        if (Files.exists(cityDir.resolve("manifest.json"))) {
            progress.report("already generated in " + cityDir + " / 已生成");
            return;
        }
        var report = new CityGenerator().generate(
                new GenerationOptions(settings.persons(), settings.seed(), settings.profile(), cityDir),
                progress::advance);
        progress.report(String.format("%,d persons, %,d companies, %d datasets in %s / 居民 %,d 人，企业 %,d 家",
                report.persons(), report.enterprises(), report.datasets().size(), cityDir,
                report.persons(), report.enterprises()));
    }
}
