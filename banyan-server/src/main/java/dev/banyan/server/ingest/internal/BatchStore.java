package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.QualityScore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The {@code ingest.batch} table. */
public final class BatchStore {

    private static final String COLUMNS = "id, resource_code, source_type, source_location, fingerprint, status, rows_read,"
            + " rows_landed, rows_with_errors, rows_standardised, rows_quarantined, quality, problems, description,"
            + " started_at, finished_at, requested_by, error, job_id, high_watermark";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new batch id (taken from a sequence, so it is never reused even when the batch rolls back). */
    long nextId() {
        return jdbc.sql("select nextval('ingest.batch_id_seq')").query(Long.class).single();
    }

    void insert(IngestBatch b) {
        jdbc.sql("insert into ingest.batch (" + COLUMNS + ", quality_score) values (:id, :resource, :type, :location, :fingerprint,"
                        + " :status, :read, :landed, :errors, :standardised, :quarantined,"
                        + " cast(:quality as jsonb), :problems, :description, :started, :finished, :by, :error, :job, :watermark, :score)")
                .param("job", b.jobId())
                .param("watermark", b.highWatermark())
                .param("score", b.quality() == null ? null : b.quality().score())
                .param("id", b.id())
                .param("resource", b.resourceCode())
                .param("type", b.sourceType())
                .param("location", b.sourceLocation())
                .param("fingerprint", b.fingerprint())
                .param("status", b.status().name())
                .param("read", b.rowsRead())
                .param("landed", b.rowsLanded())
                .param("errors", b.rowsWithErrors())
                .param("standardised", b.rowsStandardised())
                .param("quarantined", b.rowsQuarantined())
                .param("quality", b.quality() == null ? null : JSON.writeValueAsString(b.quality()))
                .param("problems", b.problems().isEmpty() ? null : String.join("\n", b.problems()))
                .param("description", b.description())
                .param("started", Timestamp.from(b.startedAt()))
                .param("finished", Timestamp.from(b.finishedAt()))
                .param("by", b.requestedBy())
                .param("error", b.error())
                .update();
    }

    Optional<IngestBatch> findLanded(String resourceCode, String fingerprint) {
        return jdbc.sql("select " + COLUMNS + " from ingest.batch where resource_code = ? and fingerprint = ?"
                        + " and status = 'LANDED'")
                .params(resourceCode, fingerprint).query(BatchStore::map).optional();
    }

    /** The high watermark of the job's last landed batch that saw any, where an incremental run resumes. */
    Optional<String> lastWatermarkOfJob(long jobId) {
        return jdbc.sql("select high_watermark from ingest.batch where job_id = ? and status = 'LANDED'"
                        + " and high_watermark is not null order by id desc limit 1")
                .param(jobId).query(String.class).optional();
    }

    List<IngestBatch> ofJob(long jobId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ingest.batch where job_id = ? order by id desc limit ?")
                .params(jobId, limit).query(BatchStore::map).list();
    }

    List<IngestBatch> ofResource(String resourceCode) {
        return jdbc.sql("select " + COLUMNS + " from ingest.batch where resource_code = ? order by id desc")
                .param(resourceCode).query(BatchStore::map).list();
    }

    Optional<IngestBatch> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.batch where id = ?").param(id).query(BatchStore::map).optional();
    }

    private static IngestBatch map(ResultSet rs, int n) throws SQLException {
        String problems = rs.getString("problems");
        String quality = rs.getString("quality");
        return new IngestBatch(rs.getLong("id"), rs.getString("resource_code"), rs.getString("source_type"),
                rs.getString("source_location"), rs.getString("fingerprint"),
                IngestBatch.Status.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_landed"),
                rs.getLong("rows_with_errors"), rs.getLong("rows_standardised"), rs.getLong("rows_quarantined"),
                quality == null ? null : JSON.readValue(quality, QualityScore.class), problems == null ? List.of() : Arrays.asList(problems.split("\n")),
                rs.getString("description"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getString("requested_by"), rs.getString("error"),
                rs.getObject("job_id", Long.class), rs.getString("high_watermark"));
    }
}
