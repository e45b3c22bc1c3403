package dev.banyan.synthcity;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line entry point (命令行入口): {@code java dev.banyan.synthcity.GenerateMain persons seed outDir [NORMAL|HARD]}.
 * Prints each stage as it completes and a summary of the files.
 */
public final class GenerateMain {

    private GenerateMain() {
    }

    public static void main(String[] args) {
        // POI logs through the Log4j API; without a provider it would print a warning on every run
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: GenerateMain persons seed outDir [NORMAL|HARD]");
            System.exit(2);
        }
        int persons = Integer.parseInt(args[0].replace("_", ""));
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Profile profile = args.length == 4 ? Profile.valueOf(args[3].toUpperCase(Locale.ROOT)) : Profile.NORMAL;
        long start = System.nanoTime();
        GenerationReport report = new CityGenerator().generate(new GenerationOptions(persons, seed, profile, out),
                (stage, done, total) -> {
                    if (done == total) {
                        System.out.printf(Locale.ROOT, "%8.1f s  %-18s done (%,d)%n",
                                (System.nanoTime() - start) / 1e9, stage, total);
                    }
                });
        for (DatasetFile f : report.datasets()) {
            System.out.printf(Locale.ROOT, "%-12s %-42s %-7s %-6s %,12d  %s%n", f.department(), f.relativePath(),
                    f.format(), f.encoding(), f.rows(), f.servedAs());
        }
        System.out.printf(Locale.ROOT, "%,d persons, %,d enterprises in %.1f s -> %s%n", report.persons(),
                report.enterprises(), report.elapsed().toMillis() / 1000.0, report.outDir().toAbsolutePath());
    }
}
