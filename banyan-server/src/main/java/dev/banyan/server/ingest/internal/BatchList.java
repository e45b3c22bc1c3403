package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.IngestBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's list of batches across resources (采集批次列表): newest first, filtered by resource and status, and
 * limited to the resources a person may see. Reads the module's own {@code ingest.batch} table.
 */
@Component
class BatchList {

    /** Rows of one page of the list. */
    static final int PAGE = 50;

    private final JdbcClient jdbc;

    BatchList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to list.
     *
     * @param resources the resource codes the person may see, or {@code null} for all
     * @param resource  only this resource, or {@code null}
     * @param status    only this status, or {@code null}
     * @param before    only batches with a smaller id (the next page), or {@code null}
     */
    record Filter(Collection<String> resources, String resource, IngestBatch.Status status, Long before) {
    }

    /** One line of the list: a batch without its problems and description. */
    record Row(long id, String resourceCode, String sourceType, String sourceLocation, String fingerprint,
               IngestBatch.Status status, long rowsRead, long rowsLanded, long rowsWithErrors, int problems,
               Instant startedAt, Instant finishedAt, String requestedBy, String error, long rowsStandardised,
               long rowsQuarantined, Double qualityScore) {

        /** Whether the batch went on to the STANDARD zone (then rows read = standardised + quarantined). */
        public boolean governed() {
            return qualityScore != null;
        }

        /**
         * The last part of the location — a file's name, a JDBC URL's database, a URL's last path segment — for the
         * list; the page of the batch shows it whole.
         */
        public String shortLocation() {
            String s = sourceLocation;
            int query = s.indexOf('?');
            if (query > 0) {
                s = s.substring(0, query);
            }
            while (s.length() > 1 && (s.endsWith("/") || s.endsWith("\\"))) {
                s = s.substring(0, s.length() - 1);
            }
            int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
            return slash < 0 || slash == s.length() - 1 ? s : s.substring(slash + 1);
        }

        /** The first 12 hex digits of the SHA-256, without the {@code sha256:} prefix. */
        public String shortFingerprint() {
            if (fingerprint == null) {
                return null;
            }
            String hex = fingerprint.startsWith("sha256:") ? fingerprint.substring(7) : fingerprint;
            return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
        }

        public long millis() {
            return Duration.between(startedAt, finishedAt).toMillis();
        }
    }

    /** Rows in the RAW zone: the rows of every landed batch. */
    long rowsLanded() {
        return jdbc.sql("select coalesce(sum(rows_landed), 0) from ingest.batch where status = 'LANDED'")
                .query(Long.class).single();
    }

    /** Counts over everything the filter selects (all pages). */
    record Totals(long batches, long landed, long failed, long rowsLanded, long rowsWithErrors, long rowsStandardised,
                  long rowsQuarantined) {
    }

    List<Row> page(Filter f) {
        if (f.resources() != null && f.resources().isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(f, params, true);
        var spec = jdbc.sql("select id, resource_code, source_type, source_location, fingerprint, status, rows_read,"
                + " rows_landed, rows_with_errors, coalesce(array_length(string_to_array(problems, E'\\n'), 1), 0) as problems,"
                + " started_at, finished_at, requested_by, error, rows_standardised, rows_quarantined, quality_score"
                + " from ingest.batch" + where
                + " order by id desc limit " + PAGE);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(BatchList::row).list();
    }

    Totals totals(Filter f) {
        if (f.resources() != null && f.resources().isEmpty()) {
            return new Totals(0, 0, 0, 0, 0, 0, 0);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(new Filter(f.resources(), f.resource(), f.status(), null), params, true);
        var spec = jdbc.sql("select count(*), count(*) filter (where status = 'LANDED'), count(*) filter (where status = 'FAILED'),"
                + " coalesce(sum(rows_landed), 0), coalesce(sum(rows_with_errors) filter (where status = 'LANDED'), 0),"
                + " coalesce(sum(rows_standardised) filter (where status = 'LANDED'), 0),"
                + " coalesce(sum(rows_quarantined) filter (where status = 'LANDED'), 0)"
                + " from ingest.batch" + where);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)))
                .single();
    }

    /** The resources that have batches, among those the person may see. */
    List<String> resourcesWithBatches(Collection<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        var spec = jdbc.sql("select distinct resource_code from ingest.batch"
                + where(new Filter(visible, null, null, null), params, true) + " order by resource_code");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(String.class).list();
    }

    private static String where(Filter f, Map<String, Object> params, boolean first) {
        List<String> conditions = new ArrayList<>();
        if (f.resources() != null) {
            conditions.add("resource_code in (:visible)");
            params.put("visible", List.copyOf(f.resources()));
        }
        if (f.resource() != null) {
            conditions.add("resource_code = :resource");
            params.put("resource", f.resource());
        }
        if (f.status() != null) {
            conditions.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.before() != null) {
            conditions.add("id < :before");
            params.put("before", f.before());
        }
        return conditions.isEmpty() ? "" : (first ? " where " : " and ") + String.join(" and ", conditions);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("resource_code"), rs.getString("source_type"),
                rs.getString("source_location"), rs.getString("fingerprint"),
                IngestBatch.Status.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_landed"),
                rs.getLong("rows_with_errors"), rs.getInt("problems"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getString("requested_by"), rs.getString("error"),
                rs.getLong("rows_standardised"), rs.getLong("rows_quarantined"),
                rs.getBigDecimal("quality_score") == null ? null : rs.getBigDecimal("quality_score").doubleValue());
    }
}
