package dev.banyan.server.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress of work done in stages, several of which may run at once. On a terminal: one line, redrawn at
 * most ten times a second, with the overall share and the stages running. Elsewhere (CI logs, files):
 * one line per finished stage.
 */
final class TerminalProgressBar {

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, long[]> stages = new LinkedHashMap<>();
    private long lastDraw;

    TerminalProgressBar(PrintStream out) {
        this(out, System.console() != null);
    }

    TerminalProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void update(String stage, long done, long total) {
        long[] previous = stages.put(stage, new long[] {done, total});
        boolean finished = total > 0 && done >= total;
        if (!terminal) {
            if (finished && (previous == null || previous[0] < previous[1])) {
                out.printf("  ✓ %s (%,d)%n", stage, total);
            }
            return;
        }
        long now = System.nanoTime();
        if (!finished && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double share = stages.values().stream()
                .mapToDouble(s -> s[1] <= 0 ? 0 : Math.min(1.0, (double) s[0] / s[1])).sum() / stages.size();
        long complete = stages.values().stream().filter(s -> s[1] > 0 && s[0] >= s[1]).count();
        StringBuilder running = new StringBuilder();
        stages.forEach((name, s) -> {
            if (s[0] < s[1]) {
                running.append(running.isEmpty() ? "" : ", ").append(name).append(' ').append(100 * s[0] / s[1]).append('%');
            }
        });
        int width = 30;
        int filled = (int) Math.round(share * width);
        out.printf("\r\033[K[%s%s] %d/%d stages %s", "█".repeat(filled), "·".repeat(width - filled), complete, stages.size(),
                running.length() > 60 ? running.substring(0, 60) + "…" : running);
        out.flush();
    }

    /**
     * Progress of work whose total is not known ahead (rows of a file being read): on a terminal one line with the
     * count and the rate, redrawn at most ten times a second; elsewhere a line every million.
     */
    synchronized void count(String stage, long done, long startedNanos) {
        long now = System.nanoTime();
        double rate = done / Math.max(1e-9, (now - startedNanos) / 1e9);
        if (!terminal) {
            long[] previous = stages.put(stage, new long[] {done, -1});
            if (previous == null || done / 1_000_000 > previous[0] / 1_000_000) {
                out.printf("  %s: %,d (%,.0f/s)%n", stage, done, rate);
            }
            return;
        }
        if (now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        out.printf("\r\033[K%s %s: %,d (%,.0f/s)", "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".charAt((int) (now / 100_000_000L % 10)), stage, done, rate);
        out.flush();
    }

    synchronized void finish() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
