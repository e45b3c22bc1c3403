package dev.banyan.server.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal, redrawn at most ten times a second. */
final class TerminalProgressBar {

    private final PrintStream out;
    private long lastDraw;
    private String lastStage = "";

    TerminalProgressBar(PrintStream out) {
        this.out = out;
    }

    synchronized void update(String stage, long done, long total) {
        long now = System.nanoTime();
        if (stage.equals(lastStage) && done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        lastStage = stage;
        int width = 30;
        int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
        out.printf("\r\033[K[%s%s] %-16s %,d/%,d", "█".repeat(filled), "·".repeat(width - filled), stage, done, total);
        out.flush();
    }

    synchronized void finish() {
        out.print("\r\033[K");
        out.flush();
    }
}
