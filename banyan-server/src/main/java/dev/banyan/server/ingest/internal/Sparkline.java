package dev.banyan.server.ingest.internal;

import java.util.List;
import java.util.Locale;

/**
 * A quality trend drawn as a small inline SVG line (趋势线): scores from bottom to top (from a round floor below the lowest score up to 100), batches oldest to newest
 * from left to right, equally spaced. No script and no chart library: the page stays server-rendered.
 *
 * @param points the polyline's {@code points} attribute
 * @param lastX  where the newest score is drawn
 * @param y90    the height of a score of 90, drawn as a dashed guide; negative when below the scale
 * @param count  how many scores
 * @param first  the oldest score
 * @param last   the newest score
 */
record Sparkline(String points, double lastX, double lastY, double y90, int count, double first, double last) {

    static final int WIDTH = 96;
    static final int HEIGHT = 28;
    private static final double PAD = 3;

    /** The line of a trend, or null for an empty one. */
    static Sparkline of(List<QualityHistory.Point> trend) {
        if (trend == null || trend.isEmpty()) {
            return null;
        }
        // the scale runs from a round floor below the lowest score up to 100, so that small changes show
        double lowest = trend.stream().mapToDouble(QualityHistory.Point::score).min().orElse(0);
        double floor = Math.max(0, Math.floor(lowest / 10) * 10 - 10);
        StringBuilder points = new StringBuilder();
        double x = 0;
        double y = 0;
        int n = trend.size();
        for (int i = 0; i < n; i++) {
            x = n == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2 * PAD) * i / (n - 1);
            y = y(trend.get(i).score(), floor);
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        if (n == 1) {
            points.append(String.format(Locale.ROOT, " %.1f,%.1f", x + 0.1, y));
        }
        return new Sparkline(points.toString(), Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0, floor < 90 ? y(90, floor) : -1, n,
                trend.getFirst().score(), trend.getLast().score());
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    private static double y(double score, double floor) {
        double s = Math.clamp(score, floor, 100);
        return Math.round((HEIGHT - PAD - (HEIGHT - 2 * PAD) * (s - floor) / (100 - floor)) * 10) / 10.0;
    }
}
