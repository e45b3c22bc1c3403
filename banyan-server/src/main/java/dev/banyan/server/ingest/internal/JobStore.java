package dev.banyan.server.ingest.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.NewIngestJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code ingest.job} table. */
final class JobStore {

    private static final String COLUMNS = "id, name, resource_code, source_type, source_location, source_options,"
            + " field_mapping, schedule, enabled, next_run_at, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewIngestJob job, Instant nextRun, String by, Instant now) {
        return jdbc.sql("insert into ingest.job (name, resource_code, source_type, source_location, source_options,"
                        + " field_mapping, schedule, next_run_at, created_by, created_at, updated_at) values (:name, :resource,"
                        + " :type, :location, cast(:options as jsonb), cast(:mapping as jsonb), :schedule, :next, :by, :now, :now)"
                        + " returning id")
                .param("name", job.name().strip()).param("resource", job.resourceCode()).param("type", job.sourceType())
                .param("location", job.sourceLocation()).param("options", CanonicalJson.write(job.sourceOptions()))
                .param("mapping", CanonicalJson.write(job.fieldMapping()))
                .param("schedule", job.schedule() == null || job.schedule().isBlank() ? null : job.schedule().strip())
                .param("next", nextRun == null ? null : Timestamp.from(nextRun)).param("by", by)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<IngestJob> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.job where id = ?").param(id).query(JobStore::map).optional();
    }

    List<IngestJob> all() {
        return jdbc.sql("select " + COLUMNS + " from ingest.job order by id").query(JobStore::map).list();
    }

    List<IngestJob> ofResource(String resourceCode) {
        return jdbc.sql("select " + COLUMNS + " from ingest.job where resource_code = ? order by id").param(resourceCode)
                .query(JobStore::map).list();
    }

    void setEnabled(long id, boolean enabled, Instant nextRun, Instant now) {
        jdbc.sql("update ingest.job set enabled = ?, next_run_at = ?, updated_at = ? where id = ?")
                .params(enabled, nextRun == null ? null : Timestamp.from(nextRun), Timestamp.from(now), id).update();
    }

    /** Enabled scheduled jobs due at {@code now}, oldest due first. */
    List<IngestJob> due(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from ingest.job where enabled and schedule is not null"
                        + " and next_run_at <= ? order by next_run_at").param(Timestamp.from(now))
                .query(JobStore::map).list();
    }

    /**
     * Claims a due run for this node: moves the job's next run on, if no other node did first.
     *
     * @return whether this node claimed it
     */
    boolean claim(long id, Instant due, Instant next) {
        return jdbc.sql("update ingest.job set next_run_at = ? where id = ? and enabled and next_run_at = ?")
                .params(Timestamp.from(next), id, Timestamp.from(due)).update() == 1;
    }

    private static IngestJob map(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_run_at");
        return new IngestJob(rs.getLong("id"), rs.getString("name"), rs.getString("resource_code"),
                rs.getString("source_type"), rs.getString("source_location"), strings(rs.getString("source_options")),
                strings(rs.getString("field_mapping")), rs.getString("schedule"), rs.getBoolean("enabled"),
                next == null ? null : next.toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Map<String, String> strings(String json) {
        Map<String, String> values = QuarantineRecords.values(json);
        return values == null ? Map.of() : values;
    }
}
