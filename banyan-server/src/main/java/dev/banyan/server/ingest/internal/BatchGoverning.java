package dev.banyan.server.ingest.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.server.ingest.QualityScore;
import dev.banyan.server.ingest.QuarantineProblem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governs one batch on its way in (批次治理): each row the loader reads is standardised (on a worker thread) and
 * encoded for {@code COPY} in text format; the loader's thread, which alone uses the batch's connection, copies those
 * rows into the STANDARD side between its copies of RAW rows ({@link #copyReady}), so PostgreSQL stores both while
 * the JVM goes on reading and standardising. Rejected rows are spooled for the quarantine. {@link #finish} then
 * completes the STANDARD table, in the batch's transaction.
 *
 * <p>Into an empty STANDARD table (a resource's first batch) the rows go directly, with the table's primary key
 * dropped for the load and rebuilt after it — as fast as loading gets; should the batch hold a business key twice,
 * the rebuild fails and the earlier rows of that key are removed first (the last version of a key in a file wins).
 * Into a table that holds rows already, they go into a temporary table shaped like it and are merged: the last
 * version of each key wins, a newer batch's version is never replaced by an older one's, and unchanged rows (same
 * RAW row hash) are not rewritten.
 *
 * <p>So a batch's RAW rows, STANDARD rows, quarantine rows and counts become visible together or not at all, and
 * {@code rows read = rows standardised + rows quarantined} holds for every governed batch.
 */
final class BatchGoverning implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchGoverning.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int CHUNK = RawLoader.CHUNK_BYTES;
    /** Bytes of standard rows that may wait for the loader's thread before standardising pauses. */
    private static final int BUDGET = 64 << 20;

    private final RowStandardiser standardiser;
    private final StandardTable table;
    private final String resourceCode;
    private final long batch;
    private final double timeliness;
    private final QualityTally tally;
    private final TextCopyRows standard = new TextCopyRows(CHUNK + (CHUNK >> 2));
    private final TextCopyRows rejected = new TextCopyRows(1 << 16);
    private final SpoolFile quarantine;
    /** The rules' fingerprint, mixed into each row's RAW hash: the STANDARD row's hash. */
    private final long rules;
    private final byte[] rowHash = new byte[CopyRows.HASH_BYTES];
    private final String stage;
    private boolean direct;
    /** Standard rows encoded and waiting for the loader's thread to copy them; at most BUDGET bytes of them. */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> ready = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(BUDGET);
    private long copied;
    private long kept;
    private long quarantined;
    private long rejectedInChunk;

    /**
     * @param timeliness the batch's timeliness score, 0–100, from the resource's update cycle
     */
    BatchGoverning(RowStandardiser standardiser, StandardTable table, String resourceCode, long batch, double timeliness,
                   java.nio.file.Path spoolDirectory) {
        this.standardiser = standardiser;
        this.table = table;
        this.resourceCode = resourceCode;
        this.batch = batch;
        this.timeliness = timeliness;
        this.tally = new QualityTally(standardiser);
        this.rules = standardiser.rulesFingerprint();
        this.stage = "banyan_stage_" + batch;
        this.quarantine = new SpoolFile(spoolDirectory, "quarantine-" + batch);
    }

    /** Opens the STANDARD stream on the batch's connection, in its transaction. */
    void start(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // Batches of one resource govern one after the other, and no correction slips in between: the lock conflicts
            // with itself and with writes, not with readers. Two first batches would otherwise both find the table
            // empty and deadlock dropping its key.
            s.execute("lock table " + table.qualifiedName() + " in share row exclusive mode");
            try (ResultSet rs = s.executeQuery("select not exists (select 1 from " + table.qualifiedName() + ")")) {
                rs.next();
                direct = rs.getBoolean(1);
            }
            if (direct) {
                s.execute("alter table " + table.qualifiedName() + " drop constraint if exists " + table.primaryKey());
            } else {
                s.execute("create temp table " + stage + " (like " + table.qualifiedName() + " including defaults)"
                        + " on commit drop");
            }
        }
    }

    /**
     * Copies the standard rows ready so far into the STANDARD table (or the stage), as one {@code COPY} on the batch's
     * connection — called by the loader's thread between its RAW copies, so that PostgreSQL stores both kinds of rows
     * while this JVM goes on standardising. Does nothing if none are ready.
     */
    void copyReady(Connection connection) throws SQLException {
        if (ready.isEmpty()) {
            return;
        }
        String target = direct ? table.qualifiedName() : "pg_temp." + stage;
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + target + " (" + table.copyColumns() + ") from stdin");
        try {
            for (byte[] chunk; (chunk = ready.poll()) != null; ) {
                copy.writeToCopy(chunk, 0, chunk.length);
                budget.release(chunk.length);
            }
            copied += copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Whether standard rows are waiting for {@link #copyReady}. */
    boolean hasReady() {
        return !ready.isEmpty();
    }

    /**
     * Standardises one row.
     *
     * @param raw        the values as landed, in field order
     * @param hash       holds the RAW row's hash at {@code hashOffset}, {@link CopyRows#HASH_BYTES} long
     * @param contentKey the key of resources without key fields (the hash in hex), or null
     */
    void accept(String[] raw, long rowNumber, byte[] hash, int hashOffset, String contentKey, List<?> sourceErrors) {
        StandardRow row = standardiser.standardise(raw, contentKey, tally);
        if (!sourceErrors.isEmpty()) {
            if (!row.rejected()) {
                tally.markRejected();
            }
            row = StandardRow.rejected(raw.clone(), sourceProblems(sourceErrors, row));
        }
        if (row.rejected()) {
            rejected.value(resourceCode).value(batch).value(rowNumber).value(valuesJson(raw))
                    .value(problemsJson(row.problems()));
            rejected.endRow();
            quarantined++;
            rejectedInChunk++;
            if (rejected.size() >= CHUNK) {
                spoolRejected();
            }
        } else {
            for (String v : row.values()) {
                standard.value(v);
            }
            System.arraycopy(hash, hashOffset, rowHash, 0, CopyRows.HASH_BYTES);
            for (int i = 0; i < 8; i++) {
                rowHash[i] ^= (byte) (rules >>> (8 * i));
            }
            standard.value(row.key()).value(batch).value(rowNumber).bytes(rowHash, 0, CopyRows.HASH_BYTES)
                    .value(row.flags() == null).value(row.flags());
            standard.endRow();
            kept++;
            if (standard.size() >= CHUNK) {
                send();
            }
        }
    }

    /** Hands the standard rows encoded so far to the loader's thread, waiting while too many are unread. */
    private void send() {
        if (standard.size() == 0) {
            return;
        }
        byte[] chunk = java.util.Arrays.copyOf(standard.buffer(), standard.size());
        standard.clear();
        try {
            budget.acquire(chunk.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while standardising", e);
        }
        ready.add(chunk);
    }

    private void spoolRejected() {
        quarantine.write(rejected.buffer(), rejected.size(), rejectedInChunk);
        rejected.clear();
        rejectedInChunk = 0;
    }

    /** Hands over the last standard rows; called on the standardising thread when every row is done. */
    void flush() {
        send();
    }

    /**
     * A row the source itself reported broken (a ragged row, an unparseable record, an unusable cell) is not trusted
     * into STANDARD however its values look: its source errors come first, then whatever the rules found.
     */
    private static List<QuarantineProblem> sourceProblems(List<?> errors, StandardRow row) {
        List<QuarantineProblem> problems = new ArrayList<>();
        for (Object o : errors) {
            dev.banyan.server.ingest.RowProblem p = (dev.banyan.server.ingest.RowProblem) o;
            problems.add(new QuarantineProblem(p.column() == null ? "" : p.column(), "source",
                    "source." + p.code().name().toLowerCase(java.util.Locale.ROOT), withoutNul(p.value()),
                    withoutNul(p.message()), true));
        }
        problems.addAll(row.problems());
        return problems;
    }

    /** PostgreSQL text and jsonb cannot hold NUL; as in RAW, it becomes U+FFFD. */
    private static String withoutNul(String s) {
        return s == null ? null : s.replace('\0', '\uFFFD');
    }

    private String valuesJson(String[] raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            values.put(table.fields().get(i), raw[i]);
        }
        return CanonicalJson.write(values);
    }

    private static String problemsJson(List<QuarantineProblem> problems) {
        List<Object> list = new ArrayList<>(problems.size());
        for (QuarantineProblem p : problems) {
            list.add(QuarantineRecords.toMap(p));
        }
        return CanonicalJson.write(list);
    }

    /** What governing a batch came to. */
    record Outcome(long standardised, long quarantined, long changed, QualityScore quality) {
    }

    /** Completes the STANDARD table and fills the quarantine, on the batch's connection and in its transaction. */
    Outcome finish(Connection connection) throws SQLException {
        long t0 = System.nanoTime();
        copyReady(connection);
        if (copied != kept) {
            throw new IllegalStateException("COPY wrote " + copied + " standard rows, " + kept + " were standardised");
        }
        long changed;
        long distinct = kept;
        try (Statement s = connection.createStatement()) {
            if (direct) {
                changed = kept;
                Savepoint before = connection.setSavepoint();
                try {
                    s.execute(addPrimaryKey());
                    connection.releaseSavepoint(before);
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(before);
                    // All rows are this batch's: keep the last row of each key.
                    long removed = s.executeUpdate("delete from " + table.qualifiedName() + " t using (select ctid,"
                            + " row_number() over (partition by _key order by _batch desc, _row desc) as n from "
                            + table.qualifiedName()
                            + ") d where t.ctid = d.ctid and d.n > 1");
                    distinct = kept - removed;
                    s.execute(addPrimaryKey());
                }
            } else {
                changed = s.executeUpdate(mergeSql());
                try (ResultSet rs = s.executeQuery("select count(distinct _key) from pg_temp." + stage)) {
                    rs.next();
                    distinct = rs.getLong(1);
                }
                s.execute("drop table pg_temp." + stage);
            }
        }
        if (quarantined > 0) {
            spoolRejected();
            quarantine.copyInto(connection, "ingest.quarantine (resource_code, batch_id, row_number, raw_values, problems)", "");
        }
        log.debug("Batch {}: {} rows into {} ({} changed, {}), {} quarantined; finished in {} ms", batch, kept,
                table.qualifiedName(), changed, direct ? "loaded directly" : "merged", quarantined,
                (System.nanoTime() - t0) / 1_000_000);
        return new Outcome(kept, quarantined, changed, tally.score(distinct, timeliness));
    }

    private String addPrimaryKey() {
        return "alter table " + table.qualifiedName() + " add constraint " + table.primaryKey() + " primary key (_key)";
    }

    /**
     * The last version of each key in this batch replaces an older batch's version, unless nothing changed.
     * {@code distinct on} keeps the highest row number of each key: later rows of a file correct earlier ones.
     */
    private String mergeSql() {
        StringBuilder cols = new StringBuilder();
        StringBuilder update = new StringBuilder();
        for (String column : table.columns()) {
            String c = RawTable.quote(column);
            cols.append(c).append(", ");
            update.append(c).append(" = excluded.").append(c).append(", ");
        }
        String system = String.join(", ", StandardTable.SYSTEM_COLUMNS);
        return "insert into " + table.qualifiedName() + " as t (" + cols + system + ")"
                + " select distinct on (_key) " + cols + system
                + " from pg_temp." + stage + " order by _key, _row desc"
                + " on conflict (_key) do update set " + update
                + "_batch = excluded._batch, _row = excluded._row, _row_hash = excluded._row_hash,"
                + " _valid = excluded._valid, _flags = excluded._flags, _updated_at = now()"
                + " where t._batch <= excluded._batch and t._row_hash <> excluded._row_hash";
    }

    @Override
    public void close() {
        quarantine.close();
    }
}
