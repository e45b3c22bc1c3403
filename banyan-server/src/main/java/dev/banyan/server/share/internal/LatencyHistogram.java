package dev.banyan.server.share.internal;

import dev.banyan.server.share.ShareStatistics;
import java.util.TreeMap;

/**
 * A latency histogram with eight buckets per doubling (延迟直方图): bucket {@code b} holds the latencies from
 * 2<sup>b/8</sup> µs up to the next bucket. Histograms of days, services and departments add up, which exact
 * percentiles do not — so a year's p99 is read from 365 daily histograms instead of sorting a year of calls — and a
 * percentile interpolated within its bucket is off by at most half a bucket, about 4.5 %. The bucket of a latency is
 * computed the same way in SQL ({@link #SQL_BUCKET}) when the call log is rolled up.
 */
final class LatencyHistogram {

    static final int PER_DOUBLING = 8;
    /** The bucket of {@code latency_us} in SQL; keep in step with {@link #bucket}. */
    static final String SQL_BUCKET = "case when latency_us < 2 then 0 else floor(" + PER_DOUBLING
            + " * ln(latency_us) / ln(2))::int end";

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;
    private long max;

    static int bucket(long micros) {
        return micros < 2 ? 0 : (int) Math.floor(PER_DOUBLING * Math.log(micros) / Math.log(2));
    }

    /** Where bucket {@code b} starts, in microseconds. */
    static double lowerBound(int b) {
        return b == 0 ? 0 : Math.pow(2, (double) b / PER_DOUBLING);
    }

    void add(int bucket, long calls) {
        if (calls > 0) {
            counts.merge(bucket, calls, Long::sum);
            total += calls;
        }
    }

    /** The largest latency seen, when known, caps the top percentiles. */
    void seeMax(long micros) {
        max = Math.max(max, micros);
    }

    void addAll(LatencyHistogram other) {
        other.counts.forEach(this::add);
        seeMax(other.max);
    }

    long total() {
        return total;
    }

    /**
     * The latency below which a share {@code p} (0–1) of the calls fell, in microseconds, as PostgreSQL's
     * {@code percentile_cont} would compute it from the calls themselves, give or take half a bucket.
     */
    double percentile(double p) {
        if (total == 0) {
            return 0;
        }
        double rank = p * (total - 1);   // 0-based, as percentile_cont
        long before = 0;
        for (var e : counts.entrySet()) {
            long n = e.getValue();
            if (rank < before + n) {
                // the calls of a bucket are taken as spread evenly (on a log scale) across it
                double within = (rank - before + 0.5) / n;
                int b = e.getKey();
                double lo = lowerBound(b);
                double hi = lowerBound(b + 1);
                double value = lo == 0 ? hi * within : lo * Math.pow(hi / lo, within);
                return max > 0 ? Math.min(value, max) : value;
            }
            before += n;
        }
        return max > 0 ? max : lowerBound(counts.lastKey() + 1);
    }

    ShareStatistics.Latency latency() {
        return total == 0 ? ShareStatistics.Latency.NONE : new ShareStatistics.Latency(total, millis(percentile(0.50)),
                millis(percentile(0.95)), millis(percentile(0.99)), millis(max > 0 ? max : percentile(1)));
    }

    private static double millis(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
