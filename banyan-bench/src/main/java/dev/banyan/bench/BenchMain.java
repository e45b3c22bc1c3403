package dev.banyan.bench;

import java.util.Arrays;

/**
 * Entry point of the benchmarks. Each benchmark prints its figure beside a baseline measured in the same
 * run, and the ratio, as a Markdown table row for {@code docs/performance.md}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // Apache POI logs through Log4j's API; the bench has no Log4j backend and needs none.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("""
                    usage: java -Xmx1g -jar banyan-bench/target/banyan-bench.jar generate [--persons N] [--runs R] [--seed S]
                      generate   time the synthetic-city generator beside copying the same files (baseline)""");
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "generate" -> GenerationBenchmark.run(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0] + "; try --help");
                System.exit(2);
            }
        }
    }
}
