package dev.banyan.server.share.internal;

import dev.banyan.server.share.ShareStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calls per day drawn as an inline SVG line chart (调用趋势图): all calls, and those refused or failed, with the
 * days from left to right and four guides at round values. Drawn on the server, as the quality trends of ingest are: the page needs
 * no script and no chart library, and prints as it shows.
 *
 * @param calls    the {@code points} of the line of all calls
 * @param problems the {@code points} of the line of calls refused or failed
 * @param yTicks   horizontal guides with their values
 * @param xTicks   the days labelled under the axis
 * @param dots     one per day, with its figures for the tooltip
 */
record DailyCallsChart(String calls, String problems, List<Tick> yTicks, List<Tick> xTicks, List<Dot> dots) {

    static final int WIDTH = 760;
    static final int HEIGHT = 220;
    static final int LEFT = 56;
    static final int RIGHT = 12;
    static final int TOP = 10;
    static final int BOTTOM = 26;

    /** A guide line or axis label at a position (y for guides, x for days). */
    record Tick(double at, String label) {
    }

    /** One day's point. */
    record Dot(double x, double y, String day, long calls, long problems) {
    }

    static DailyCallsChart of(List<ShareStatistics.DayFigures> days) {
        long highest = days.stream().mapToLong(ShareStatistics.DayFigures::calls).max().orElse(0);
        // four guides a round step apart, the top one at or above the busiest day
        long step = roundUp(Math.max(1, (highest + 3) / 4));
        long top = 4 * step;
        int n = days.size();
        StringBuilder calls = new StringBuilder();
        StringBuilder problems = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ShareStatistics.DayFigures d = days.get(i);
            double x = x(i, n);
            double y = y(d.calls(), top);
            long bad = d.refused() + d.failed();
            calls.append(i == 0 ? "" : " ").append(point(x, y));
            problems.append(i == 0 ? "" : " ").append(point(x, y(bad, top)));
            dots.add(new Dot(x, y, d.day().toString(), d.calls(), bad));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            long value = step * k;
            yTicks.add(new Tick(y(value, top), String.format(Locale.ROOT, "%,d", value)));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (n > 0) {
            for (int i : n == 1 ? new int[] {0} : new int[] {0, (n - 1) / 2, n - 1}) {
                xTicks.add(new Tick(x(i, n), days.get(i).day().toString().substring(5)));
            }
        }
        return new DailyCallsChart(calls.toString(), problems.toString(), yTicks, xTicks.stream().distinct().toList(), dots);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    /** Whether to draw a dot per day: beyond two months they would merge into a line. */
    public boolean showDots() {
        return dots.size() <= 62;
    }

    private static double x(int i, int n) {
        double span = WIDTH - LEFT - RIGHT;
        return Math.round((n == 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1)) * 10) / 10.0;
    }

    private static double y(long value, long top) {
        double span = HEIGHT - TOP - BOTTOM;
        return Math.round((HEIGHT - BOTTOM - span * value / top) * 10) / 10.0;
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code value}, so the guides have round values. */
    static long roundUp(long value) {
        long power = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * power >= value) {
                    return m * power;
                }
            }
            power *= 10;
        }
    }
}
