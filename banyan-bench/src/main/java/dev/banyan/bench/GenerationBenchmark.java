package dev.banyan.bench;

import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.GenerationReport;
import dev.banyan.synthcity.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long the generator takes for a city of N persons, beside the time to copy the very files it wrote
 * (the I/O floor: what any generator of the same output must at least spend), and the peak heap.
 */
final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int persons = intOption(args, "--persons", 1_000_000);
        int runs = intOption(args, "--runs", 3);
        long seed = intOption(args, "--seed", 7);
        List<Double> generateSeconds = new ArrayList<>();
        List<Double> copySeconds = new ArrayList<>();
        long bytes = 0;
        long rows = 0;
        for (int run = 1; run <= runs; run++) {
            Path out = Files.createTempDirectory("banyan-bench-city");
            Path copy = Files.createTempDirectory("banyan-bench-copy");
            try {
                long t0 = System.nanoTime();
                GenerationReport report = new CityGenerator().generate(
                        new GenerationOptions(persons, seed, Profile.NORMAL, out), (stage, done, total) -> { });
                double g = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                bytes = copyTree(out, copy);
                double c = (System.nanoTime() - t1) / 1e9;
                generateSeconds.add(g);
                copySeconds.add(c);
                rows = report.datasets().stream().mapToLong(d -> d.rows()).sum();
                System.out.printf("run %d: generate %.1f s, copy %.1f s (%,d files' bytes %,d)%n", run, g, c,
                        report.datasets().size(), bytes);
            } finally {
                deleteTree(out);
                deleteTree(copy);
            }
        }
        double g = median(generateSeconds);
        double c = median(copySeconds);
        System.out.println();
        System.out.println("| figure | median | baseline (copy of the same files) | ratio |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| generate %,d persons (%,d rows, %.0f MB) | %.1f s | %.1f s | %.1f× |%n", persons, rows,
                bytes / 1e6, g, c, g / c);
        System.out.printf("| peak heap | %.0f MB of -Xmx %.0f MB | | |%n", peakHeapBytes() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(u -> u.getUsed())
                .sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long copyTree(Path from, Path to) throws IOException {
        long[] bytes = {0};
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                        bytes[0] += Files.size(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return bytes[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
