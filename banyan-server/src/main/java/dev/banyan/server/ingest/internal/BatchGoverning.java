package dev.banyan.server.ingest.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.server.ingest.QualityScore;
import dev.banyan.server.ingest.QuarantineProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Governs one batch on its way in (批次治理): each row the loader lands in RAW is also standardised; kept rows and
 * rejected rows are written as binary COPY data to a temporary file (so the heap holds one chunk, however large the
 * source), and once the RAW rows are in, {@link #finish} copies them into a temporary table and from there — in the
 * batch's transaction — merges the kept rows into the STANDARD table (the last version of each business key wins,
 * newer batches over older ones, unchanged rows untouched) and inserts the rejected ones into the quarantine.
 *
 * <p>So a batch's RAW rows, STANDARD rows, quarantine rows and counts become visible together or not at all, and
 * {@code rows read = rows standardised + rows quarantined} holds for every governed batch.
 */
final class BatchGoverning implements AutoCloseable {

    /** Extra stage columns after the fields: business key, flags, derived facts, quarantine record. */
    private static final int EXTRA = 4;

    private final RowStandardiser standardiser;
    private final StandardTable table;
    private final long batch;
    private final double timeliness;
    private final QualityTally tally;
    private final CopyRows rows;
    private final String[] values;
    private final Path file;
    private final OutputStream out;
    private long kept;
    private long quarantined;

    /**
     * @param timeliness the batch's timeliness score, 0–100, from the resource's update cycle
     */
    BatchGoverning(RowStandardiser standardiser, StandardTable table, long batch, double timeliness) {
        this.standardiser = standardiser;
        this.table = table;
        this.batch = batch;
        this.timeliness = timeliness;
        this.tally = new QualityTally(standardiser);
        int n = table.columns().size();
        this.values = new String[n + EXTRA];
        this.rows = new CopyRows(n + EXTRA, RawLoader.CHUNK_BYTES + (RawLoader.CHUNK_BYTES >> 2));
        try {
            this.file = Files.createTempFile("banyan-stage-" + batch + "-", ".copy");
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging file of batch " + batch, e);
        }
        rows.header();
    }

    /**
     * Standardises one landed row.
     *
     * @param raw        the values as landed, in field order
     * @param contentKey the row's content hash, the key of resources without key fields
     */
    void accept(String[] raw, long rowNumber, String contentKey) {
        StandardRow row = standardiser.standardise(raw, contentKey, tally);
        int n = table.columns().size();
        System.arraycopy(row.values(), 0, values, 0, n);
        if (row.rejected()) {
            quarantined++;
            values[n] = null;
            values[n + 1] = null;
            values[n + 2] = null;
            values[n + 3] = quarantineRecord(raw, row.problems());
        } else {
            kept++;
            values[n] = row.key();
            values[n + 1] = row.flags();
            values[n + 2] = row.derived();
            values[n + 3] = null;
        }
        rows.append(values, batch, rowNumber);
        if (rows.size() >= RawLoader.CHUNK_BYTES) {
            flush();
        }
    }

    private String quarantineRecord(String[] raw, List<QuarantineProblem> problems) {
        Map<String, Object> valuesByField = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            valuesByField.put(table.fields().get(i), raw[i]);
        }
        List<Object> list = new ArrayList<>(problems.size());
        for (QuarantineProblem p : problems) {
            list.add(QuarantineRecords.toMap(p));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("values", valuesByField);
        record.put("problems", list);
        return CanonicalJson.write(record);
    }

    private void flush() {
        try {
            out.write(rows.buffer(), 0, rows.size());
            rows.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staging file of batch " + batch, e);
        }
    }

    long kept() {
        return kept;
    }

    long quarantined() {
        return quarantined;
    }

    /** What governing a batch came to. */
    record Outcome(long standardised, long quarantined, long changed, QualityScore quality) {
    }

    /**
     * Moves the staged rows into the STANDARD table and the quarantine, on the batch's connection and in its
     * transaction.
     *
     * @param columnTypes the STANDARD columns' actual types, which the staged text is cast to
     */
    Outcome finish(Connection connection, String resourceCode, List<String> columnTypes) throws SQLException {
        rows.trailer();
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String stage = "banyan_stage_" + batch;
        try (Statement s = connection.createStatement()) {
            s.execute(stageDdl(stage));
        }
        try (InputStream in = Files.newInputStream(file)) {
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy pg_temp." + stage + " from stdin (format binary)", in, 1 << 16);
            if (copied != kept + quarantined) {
                throw new IllegalStateException("staged " + copied + " rows of batch " + batch + ", " + (kept + quarantined)
                        + " were standardised");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staging file of batch " + batch, e);
        }
        long changed;
        long distinct;
        try (Statement s = connection.createStatement()) {
            changed = s.executeUpdate(mergeSql(stage, columnTypes));
            s.executeUpdate("insert into ingest.quarantine (resource_code, batch_id, row_number, raw_values, problems)"
                    + " select " + RawTable.literal(resourceCode) + ", _batch, _row, q -> 'values', q -> 'problems'"
                    + " from (select _batch, _row, _quarantine::jsonb as q from pg_temp." + stage
                    + " where _quarantine is not null) r");
            try (var rs = s.executeQuery("select count(distinct _key) from pg_temp." + stage + " where _key is not null")) {
                rs.next();
                distinct = rs.getLong(1);
            }
            s.execute("drop table pg_temp." + stage);
        }
        return new Outcome(kept, quarantined, changed, tally.score(distinct, timeliness));
    }

    private String stageDdl(String stage) {
        StringBuilder ddl = new StringBuilder("create temp table ").append(stage).append(" (");
        for (String column : table.columns()) {
            ddl.append(RawTable.quote(column)).append(" text, ");
        }
        return ddl.append("_key text collate \"C\", _flags text, _derived text, _quarantine text,")
                .append(" _batch bigint, _row bigint, _row_hash bytea) on commit drop").toString();
    }

    /**
     * The last version of each key in this batch replaces an older batch's version, unless nothing changed.
     * {@code distinct on} keeps the highest row number of each key: later rows of a file correct earlier ones.
     */
    private String mergeSql(String stage, List<String> columnTypes) {
        StringBuilder cols = new StringBuilder();
        StringBuilder select = new StringBuilder();
        StringBuilder update = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            String c = RawTable.quote(table.columns().get(i));
            String type = i < columnTypes.size() ? columnTypes.get(i) : table.sqlTypes().get(i);
            cols.append(c).append(", ");
            select.append(type.equals("text") ? c : c + "::" + type).append(", ");
            update.append(c).append(" = excluded.").append(c).append(", ");
        }
        return "insert into " + table.qualifiedName() + " as t (" + cols
                + "_key, _batch, _row, _row_hash, _valid, _flags, _derived, _updated_at)"
                + " select distinct on (_key) " + select
                + "_key, _batch, _row, _row_hash, _flags is null, _flags::jsonb, _derived::jsonb, now()"
                + " from pg_temp." + stage + " where _quarantine is null order by _key, _row desc"
                + " on conflict (_key) do update set " + update
                + "_batch = excluded._batch, _row = excluded._row, _row_hash = excluded._row_hash,"
                + " _valid = excluded._valid, _flags = excluded._flags, _derived = excluded._derived,"
                + " _updated_at = excluded._updated_at"
                + " where t._batch <= excluded._batch and t._row_hash <> excluded._row_hash";
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A staging file left in the temp directory is harmless; the batch outcome does not depend on it.
        }
    }
}
