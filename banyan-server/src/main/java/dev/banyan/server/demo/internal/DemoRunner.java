package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the demo steps in order and prints their progress on the terminal. */
public class DemoRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final List<DemoStep> steps;
    private final PrintStream out;

    public DemoRunner(List<DemoStep> steps, PrintStream out) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
        this.out = out;
    }

    /** Runs every step; stops at the first that fails, saying which. */
    public void runAll() throws Exception {
        int n = 0;
        for (DemoStep step : steps) {
            n++;
            String prefix = String.format("[%d/%d] %s", n, steps.size(), step.title());
            out.println(prefix + " …");
            long started = System.nanoTime();
            try {
                step.run(new TerminalProgress(out));
            } catch (Exception e) {
                out.println();
                out.println("✗ " + prefix + " failed / 失败: " + e.getMessage());
                throw e;
            }
            out.printf("\r\033[K    ✓ %.1f s%n", (System.nanoTime() - started) / 1e9);
            log.info("Demo step done: {}", step.title());
        }
    }

    /** Prints a progress bar that rewrites its own line. */
    private record TerminalProgress(PrintStream out) implements DemoProgress {

        @Override
        public void advance(String what, long done, long total) {
            int width = 30;
            int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
            out.printf("\r\033[K    [%s%s] %,d/%,d %s", "█".repeat(filled), "·".repeat(width - filled), done, total, what);
            out.flush();
        }

        @Override
        public void report(String line) {
            out.printf("\r\033[K    %s%n", line);
        }
    }
}
