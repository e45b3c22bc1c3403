package dev.banyan.server.ingest.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.server.ingest.QuarantinedRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code ingest.quarantine} table. Rows are inserted by {@link BatchGoverning}; here they are read and resolved. */
final class QuarantineStore {

    private static final String COLUMNS = "id, resource_code, batch_id, row_number, raw_values, problems, status,"
            + " corrected_values, resolved_by, resolved_at, note";

    private final JdbcClient jdbc;

    QuarantineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QuarantinedRow> list(String resourceCode, QuarantinedRow.Status status, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ingest.quarantine where resource_code = :r"
                        + (status == null ? "" : " and status = :s") + " order by id limit :limit offset :offset")
                .param("r", resourceCode).param("s", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset).query(QuarantineStore::map).list();
    }

    long count(String resourceCode, QuarantinedRow.Status status) {
        return jdbc.sql("select count(*) from ingest.quarantine where resource_code = :r"
                        + (status == null ? "" : " and status = :s"))
                .param("r", resourceCode).param("s", status == null ? null : status.name())
                .query(Long.class).single();
    }

    /** Open rows per resource, for the overview. */
    Map<String, Long> openByResource() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select resource_code, count(*) from ingest.quarantine where status = 'OPEN' group by resource_code"
                + " order by resource_code").query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Problem codes of open rows of a resource with their counts, most frequent first. */
    Map<String, Long> openProblemCodes(String resourceCode) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select p ->> 'code', count(*) from ingest.quarantine q, jsonb_array_elements(q.problems) p"
                        + " where q.resource_code = ? and q.status = 'OPEN' and (p ->> 'rejects')::boolean"
                        + " group by 1 order by 2 desc, 1")
                .param(resourceCode).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    Optional<QuarantinedRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.quarantine where id = ?").param(id)
                .query(QuarantineStore::map).optional();
    }

    /** Locks an open row for resolving; empty if it is not open (any more). */
    Optional<QuarantinedRow> lockOpen(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.quarantine where id = ? and status = 'OPEN' for update")
                .param(id).query(QuarantineStore::map).optional();
    }

    void resolve(long id, QuarantinedRow.Status status, Map<String, String> corrected, String by, Instant at, String note) {
        jdbc.sql("update ingest.quarantine set status = :s, corrected_values = cast(:v as jsonb), resolved_by = :by,"
                        + " resolved_at = :at, note = :note where id = :id")
                .param("s", status.name()).param("v", corrected == null ? null : CanonicalJson.write(corrected))
                .param("by", by).param("at", Timestamp.from(at)).param("note", note).param("id", id).update();
    }

    private static QuarantinedRow map(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new QuarantinedRow(rs.getLong("id"), rs.getString("resource_code"), rs.getLong("batch_id"),
                rs.getLong("row_number"), QuarantineRecords.values(rs.getString("raw_values")),
                QuarantineRecords.problems(rs.getString("problems")),
                QuarantinedRow.Status.valueOf(rs.getString("status")),
                QuarantineRecords.values(rs.getString("corrected_values")), rs.getString("resolved_by"),
                resolved == null ? null : resolved.toInstant(), rs.getString("note"));
    }
}
