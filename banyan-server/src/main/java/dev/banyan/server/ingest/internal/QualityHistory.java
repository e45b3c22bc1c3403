package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QualityScore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quality of resources over time (质量趋势): the scores of their governed batches, oldest first, read from the
 * module's own {@code ingest.batch} table ({@code quality_score}, {@code finished_at}), and their latest full score.
 */
@Component
class QualityHistory {

    /** Batches of a trend: the last so many. */
    static final int TREND = 30;

    private final JdbcClient jdbc;

    QualityHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One score of a trend: a governed batch's, or a department's mean at a time. */
    record Point(Instant at, double score, Long batchId) {
    }

    /**
     * A resource's quality: its latest governed batch's score and the trend of its last {@link #TREND} batches.
     *
     * @param latest the latest score with its dimensions and fields, or null if no batch was governed yet
     */
    record ResourceQuality(String resourceCode, QualityScore latest, Long latestBatch, Instant latestAt,
                           List<Point> trend) {

        /** The trend drawn as a line. */
        public Sparkline sparkline() {
            return Sparkline.of(trend);
        }
    }

    /** The quality of these resources (those with no governed batch are left out), by resource code. */
    Map<String, ResourceQuality> of(Collection<String> resourceCodes) {
        Map<String, ResourceQuality> result = new TreeMap<>();
        if (resourceCodes.isEmpty()) {
            return result;
        }
        Map<String, List<Point>> trends = new HashMap<>();
        jdbc.sql("select resource_code, id, finished_at, quality_score from (select resource_code, id, finished_at,"
                        + " quality_score, row_number() over (partition by resource_code order by finished_at desc, id desc) n"
                        + " from ingest.batch where status = 'LANDED' and quality_score is not null"
                        + " and resource_code in (:codes)) b where n <= :trend order by resource_code, finished_at, id")
                .param("codes", List.copyOf(resourceCodes)).param("trend", TREND)
                .query(rs -> {
                    trends.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new Point(
                            rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4).doubleValue(), rs.getLong(2)));
                });
        Map<String, Object[]> latest = new HashMap<>();
        jdbc.sql("select distinct on (resource_code) resource_code, id, finished_at, quality from ingest.batch"
                        + " where status = 'LANDED' and quality is not null and resource_code in (:codes)"
                        + " order by resource_code, finished_at desc, id desc")
                .param("codes", List.copyOf(resourceCodes))
                .query(rs -> {
                    latest.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getTimestamp(3),
                            BatchStore.JSON.readValue(rs.getString(4), QualityScore.class)});
                });
        for (var e : latest.entrySet()) {
            Object[] l = e.getValue();
            result.put(e.getKey(), new ResourceQuality(e.getKey(), (QualityScore) l[2], (Long) l[0],
                    ((Timestamp) l[1]).toInstant(), trends.getOrDefault(e.getKey(), List.of())));
        }
        return result;
    }

    /**
     * A department's score (部门质量评分): the mean of its resources' latest scores, or null if none was governed.
     */
    static Double mean(Collection<ResourceQuality> resources) {
        return resources.isEmpty() ? null : round(resources.stream().mapToDouble(r -> r.latest().score()).average()
                .orElseThrow());
    }

    /**
     * The trend of a department's score: after each batch of any of its resources, the mean of each resource's
     * latest score so far (resources join the mean with their first batch); the last {@link #TREND} points.
     */
    static List<Point> meanTrend(Collection<ResourceQuality> resources) {
        List<Map.Entry<String, Point>> all = new ArrayList<>();
        for (ResourceQuality r : resources) {
            r.trend().forEach(p -> all.add(Map.entry(r.resourceCode(), p)));
        }
        all.sort(Comparator.comparing((Map.Entry<String, Point> e) -> e.getValue().at())
                .thenComparing(e -> e.getValue().batchId()));
        Map<String, Double> current = new LinkedHashMap<>();
        List<Point> trend = new ArrayList<>();
        for (var e : all) {
            current.put(e.getKey(), e.getValue().score());
            double mean = current.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            trend.add(new Point(e.getValue().at(), round(mean), null));
        }
        return trend.size() > TREND ? List.copyOf(trend.subList(trend.size() - TREND, trend.size())) : trend;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
