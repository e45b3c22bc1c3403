package dev.banyan.server.ingest.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceConnectors;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceRow;
import dev.banyan.server.ingest.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lands one source into one RAW table (原始库装载) — the plain, Spring-free heart of ingest, used by the service and by
 * anything that needs to land without an application context (the crash test's child JVM).
 *
 * <p>One batch is one database transaction: every row is streamed with {@code COPY … FROM STDIN} (binary format,
 * encoded by {@link CopyRows} with its row hash and fed in chunks of about 512 KiB from the reader loop, so the heap
 * never holds more than a chunk); once the reader is at its end the fingerprint is checked against the resource's
 * landed batches (the same source again → roll back, {@link IngestResult.Outcome#ALREADY_LANDED}); then the LANDED
 * batch row and its evidence are written and everything commits together. A source error, a database error or a crash
 * rolls all of it back; a failure is then recorded as a FAILED batch in a transaction of its own.
 *
 * <p>Values are landed exactly as read (null stays SQL NULL, "" stays ""), except the NUL character, which PostgreSQL
 * text cannot hold: it is <b>replaced by U+FFFD</b> (REPLACEMENT CHARACTER), and the number of rows where that happened
 * is recorded in the batch's problems. Rows with errors are landed too (their problems are counted and recorded) so
 * that the quarantine can take them up; source columns that match no field are not landed and are reported.
 */
public final class RawLoader {

    private static final Logger log = LoggerFactory.getLogger(RawLoader.class);

    /** A governed batch copies its ready standard rows between RAW copies every this many rows. */
    static final long SWITCH_ROWS = 32_768;
    /** Progress is reported every this many rows. */
    static final long PROGRESS_EVERY = 10_000;
    /** Problems kept per batch; beyond that only counted. */
    static final int MAX_PROBLEMS = 200;
    /** Bytes of COPY data sent at a time. */
    static final int CHUNK_BYTES = 1 << 19;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SourceConnectors connectors;
    private final Consumer<Evidence> evidence;
    private final Clock clock;
    private final RawTables tables;
    private final BatchStore batches;
    private final java.nio.file.Path spoolDirectory;

    /**
     * @param transactions transactions on {@code dataSource}; each batch runs in a new one of its own
     * @param evidence     called in the batch's transaction with the evidence of a landed batch (EvidenceLog#record)
     */
    public RawLoader(DataSource dataSource, TransactionTemplate transactions, SourceConnectors connectors,
                     Consumer<Evidence> evidence, Clock clock) {
        this(dataSource, transactions, connectors, evidence, clock,
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param spoolDirectory where governed batches keep their quarantined rows until the connection takes them:
     *                       room for the largest batch (the data directory's {@code tmp}, not a RAM-backed /tmp)
     */
    public RawLoader(DataSource dataSource, TransactionTemplate transactions, SourceConnectors connectors,
                     Consumer<Evidence> evidence, Clock clock, java.nio.file.Path spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.connectors = connectors;
        this.evidence = evidence;
        this.clock = clock;
        this.tables = new RawTables(jdbc, this.transactions);
        this.batches = new BatchStore(jdbc);
    }

    public BatchStore batches() {
        return batches;
    }

    public RawTables tables() {
        return tables;
    }

    /**
     * Lands the source into the resource's RAW table.
     *
     * @param fields      the resource's catalog field names, in catalog order
     * @param sourceLabel what to record as the source location, or {@code null} for the spec's (redacted) location
     * @param progress    called with the rows read so far, every {@value #PROGRESS_EVERY} rows
     */
    public IngestResult load(String resourceCode, List<String> fields, SourceSpec spec, String sourceLabel,
                             String requestedBy, LongConsumer progress) {
        return load(resourceCode, fields, spec, sourceLabel, requestedBy, progress, null);
    }

    /**
     * What governing a batch needs: how to standardise its rows, the STANDARD table (with its columns' actual types)
     * and the batch's timeliness.
     */
    record GovernPlan(RowStandardiser standardiser, StandardTable table, double timeliness) {
    }

    /**
     * Where a landing comes from when an ingest job runs it: the job, and the field mapping a person confirmed for it
     * (field name → source column), or null to match columns to fields by name.
     */
    record JobRun(long jobId, java.util.Map<String, String> mapping) {
    }

    /**
     * Lands the source into the resource's RAW table and, given a plan, governs it in the same transaction: every
     * row goes either into the STANDARD table or into the quarantine ({@link BatchGoverning}).
     *
     * @param plan how to govern the batch, or {@code null} to land it in RAW only
     */
    IngestResult load(String resourceCode, List<String> fields, SourceSpec spec, String sourceLabel,
                      String requestedBy, LongConsumer progress, GovernPlan plan) {
        return load(resourceCode, fields, spec, sourceLabel, requestedBy, progress, plan, null);
    }

    /** As {@link #load(String, List, SourceSpec, String, String, LongConsumer, GovernPlan)}, for a run of a job. */
    IngestResult load(String resourceCode, List<String> fields, SourceSpec spec, String sourceLabel,
                      String requestedBy, LongConsumer progress, GovernPlan plan, JobRun job) {
        Instant started = clock.instant();
        String location = sourceLabel != null ? sourceLabel : redact(spec.location());
        RawTable table = tables.ensure(resourceCode, fields);
        long id = batches.nextId();
        Attempt attempt = new Attempt(id, resourceCode, spec.type(), location, requestedBy, started);
        attempt.jobId = job == null ? null : job.jobId();
        SourceReader reader;
        try {
            reader = connectors.open(spec);
        } catch (SourceException e) {
            return failed(attempt, e.getMessage(), e);
        }
        try (reader) {
            attempt.description = reader.description();
            ColumnMapping mapping;
            if (job != null && job.mapping() != null) {
                try {
                    mapping = ColumnMapping.confirmed(reader.columns(), fields, job.mapping());
                } catch (IllegalArgumentException e) {
                    return failed(attempt, e.getMessage(), null);
                }
            } else {
                mapping = ColumnMapping.of(reader.columns(), fields);
            }
            if (mapping.nothingMaps()) {
                return failed(attempt, "no column of the source matches a field of resource " + resourceCode
                        + ": source columns " + reader.columns() + ", resource fields " + fields
                        + ". Rename the header or the catalog fields so that they match.", null);
            }
            for (String c : mapping.unmappedColumns()) {
                attempt.problem("source column '" + c + "' matches no field of the resource; it is kept in the RAW"
                        + " column _extra");
            }
            for (String f : mapping.unmatchedFields()) {
                attempt.problem("field '" + f + "' has no column in the source; it is landed as null");
            }
            Outcome outcome = transactions.execute(status -> {
                land(attempt, reader, table, mapping, progress, plan);
                SourceFingerprint fingerprint = reader.fingerprint();
                attempt.fingerprint = fingerprint.label();
                attempt.highWatermark = reader.highWatermark().orElse(null);
                for (RowProblem p : reader.problems()) {
                    attempt.problem(p.toString());
                }
                long beyond = reader.problemCount() - reader.problems().size();
                if (beyond > 0) {
                    attempt.problem(beyond + " more source problem(s) not kept");
                }
                Optional<IngestBatch> existing = batches.findLanded(resourceCode, attempt.fingerprint);
                if (existing.isPresent()) {
                    status.setRollbackOnly();
                    return new Outcome(IngestResult.alreadyLanded(existing.get()), false);
                }
                IngestBatch landed = attempt.toBatch(IngestBatch.Status.LANDED, clock.instant(), null);
                try {
                    batches.insert(landed);
                } catch (DuplicateKeyException e) {   // the same source landed concurrently by another node
                    status.setRollbackOnly();
                    return new Outcome(null, true);
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("batch", landed.id());
                payload.put("fingerprint", landed.fingerprint());
                payload.put("rows", landed.rowsLanded());
                payload.put("rowsWithErrors", landed.rowsWithErrors());
                if (landed.governed()) {
                    payload.put("rowsStandardised", landed.rowsStandardised());
                    payload.put("rowsQuarantined", landed.rowsQuarantined());
                    payload.put("qualityScore", landed.quality().score());
                }
                payload.put("sourceType", landed.sourceType());
                payload.put("table", table.qualifiedName());
                evidence.accept(Evidence.of("ingest.batch.landed", "user:" + requestedBy, "resource:" + resourceCode,
                        payload));
                return new Outcome(IngestResult.landed(landed), false);
            });
            if (outcome.raced()) {
                return IngestResult.alreadyLanded(batches.findLanded(resourceCode, attempt.fingerprint).orElseThrow());
            }
            if (outcome.result().outcome() == IngestResult.Outcome.LANDED) {
                log.info("Batch {} landed {} rows of {} into {}", id, attempt.rows, location, table.qualifiedName());
            }
            return outcome.result();
        } catch (SourceException e) {
            return failed(attempt, e.getMessage(), e);
        } catch (RuntimeException e) {
            return failed(attempt, "the batch could not be landed: " + rootMessage(e), e);
        }
    }

    private record Outcome(IngestResult result, boolean raced) {
    }

    /**
     * Streams every row of the reader into the table with binary COPY, in the current transaction. In a governed batch
     * a worker thread standardises the rows meanwhile; as the connection takes one COPY at a time, every
     * {@value #SWITCH_ROWS} rows this thread ends its RAW copy, copies the standard rows ready so far and opens the
     * next RAW copy — so PostgreSQL stores both kinds of rows while the JVM goes on reading and standardising.
     */
    private void land(Attempt attempt, SourceReader reader, RawTable table, ColumnMapping mapping, LongConsumer progress,
                      GovernPlan plan) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try (BatchGoverning governing = plan == null ? null
                : new BatchGoverning(plan.standardiser(), plan.table(), attempt.resourceCode, attempt.id, plan.timeliness(),
                spoolDirectory);
             StandardisingWorker worker = plan == null ? null
                     : StandardisingWorker.startOn(connection, governing, !plan.standardiser().hasKey(), attempt.id)) {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql(table));
            long copied = 0;
            int[] index = mapping.sourceIndex();
            int[] unmapped = mapping.unmappedIndex();
            List<String> columns = reader.columns();
            // The fields' values, then _extra: what the source had beyond them.
            String[] values = new String[index.length + 1];
            CopyRows rows = new CopyRows(values.length, CHUNK_BYTES + (CHUNK_BYTES >> 2));
            rows.header();
            for (SourceRow row; (row = reader.next()) != null; ) {
                boolean replacedNul = false;
                for (int f = 0; f < index.length; f++) {
                    String v = index[f] < 0 ? null : row.value(index[f]);
                    if (v != null && v.indexOf('\0') >= 0) {
                        v = v.replace('\0', '\uFFFD');
                        replacedNul = true;
                    }
                    values[f] = v;
                }
                values[index.length] = extra(row, columns, unmapped);
                int hash = rows.append(values, attempt.id, row.rowNumber());
                if (worker != null) {
                    worker.offer(values, index.length, row.rowNumber(), rows.buffer(), hash,
                            row.hasErrors() ? row.problems() : List.of());
                }
                attempt.rows++;
                if (replacedNul) {
                    attempt.rowsWithNul++;
                }
                if (!row.problems().isEmpty()) {
                    if (row.hasErrors()) {
                        attempt.rowsWithErrors++;
                    }
                    for (RowProblem p : row.problems()) {
                        attempt.problem(p.toString());
                    }
                }
                if (rows.size() >= CHUNK_BYTES) {
                    write(copy, rows);
                }
                if (governing != null && attempt.rows % SWITCH_ROWS == 0 && governing.hasReady()) {
                    rows.trailer();
                    write(copy, rows);
                    copied += copy.endCopy();
                    governing.copyReady(connection);
                    copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql(table));
                    rows.header();
                }
                if (attempt.rows % PROGRESS_EVERY == 0) {
                    progress.accept(attempt.rows);
                }
            }
            rows.trailer();
            write(copy, rows);
            copied += copy.endCopy();
            if (governing != null) {
                worker.finish();
                attempt.governed = governing.finish(connection);
            }
            if (copied != attempt.rows) {
                throw new IllegalStateException("COPY wrote " + copied + " rows, " + attempt.rows + " were read");
            }
            progress.accept(attempt.rows);
            if (attempt.rowsWithNul > 0) {
                attempt.problem(attempt.rowsWithNul + " row(s) held NUL characters, which PostgreSQL text cannot"
                        + " store; each was replaced by U+FFFD");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table.qualifiedName() + " failed: " + e.getMessage(), e);
        } finally {
            try {
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                log.debug("Cancelling the COPY of batch {} failed; the transaction rolls back anyway", attempt.id, e);
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static String copySql(RawTable table) {
        return "copy " + copyTarget(table) + " from stdin (format binary)";
    }

    /** The table and its columns in the order {@link CopyRows} writes them. */
    private static String copyTarget(RawTable table) {
        StringBuilder target = new StringBuilder(table.qualifiedName()).append(" (");
        for (String column : table.columns()) {
            target.append(RawTable.quote(column)).append(", ");
        }
        return target.append("_extra, _batch, _row, _row_hash)").toString();
    }

    /**
     * What a row had beyond the mapped columns — values of columns no field takes, and a ragged row's extra fields —
     * as a JSON object (column → value; extra fields as {@code #n}, their position), or null if nothing.
     */
    static String extra(SourceRow row, List<String> columns, int[] unmapped) {
        int size = row.values().size();
        if (unmapped.length == 0 && size <= columns.size()) {
            return null;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int c : unmapped) {
            String v = row.value(c);
            if (v != null) {
                extra.put(columns.get(c), v.replace('\0', '\uFFFD'));
            }
        }
        for (int c = columns.size(); c < size; c++) {
            String v = row.value(c);
            if (v != null) {
                extra.put("#" + (c + 1), v.replace('\0', '\uFFFD'));
            }
        }
        return extra.isEmpty() ? null : dev.banyan.ledger.CanonicalJson.write(extra);
    }

    private static void write(CopyIn copy, CopyRows rows) throws SQLException {
        if (rows.size() > 0) {
            copy.writeToCopy(rows.buffer(), 0, rows.size());
            rows.clear();
        }
    }

    private IngestResult failed(Attempt attempt, String reason, Throwable cause) {
        log.warn("Batch {} of {} failed: {}", attempt.id, attempt.location, reason, cause instanceof SourceException ? null : cause);
        IngestBatch batch = attempt.toBatch(IngestBatch.Status.FAILED, clock.instant(), reason);
        try {
            transactions.executeWithoutResult(s -> batches.insert(batch));
        } catch (RuntimeException e) {
            if (cause != null) {
                e.addSuppressed(cause);
            }
            throw e;
        }
        return IngestResult.failed(batch, reason);
    }

    static String redact(String location) {
        return SourceSpec.redacted(location);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    /** What is known about a batch while it runs; never stored until it ends. */
    private static final class Attempt {
        final long id;
        final String resourceCode;
        final String sourceType;
        final String location;
        final String requestedBy;
        final Instant started;
        final List<String> problems = new ArrayList<>();
        long problemsDropped;
        long rows;
        long rowsWithErrors;
        long rowsWithNul;
        String fingerprint;
        String description;
        BatchGoverning.Outcome governed;
        Long jobId;
        String highWatermark;

        Attempt(long id, String resourceCode, String sourceType, String location, String requestedBy, Instant started) {
            this.id = id;
            this.resourceCode = resourceCode;
            this.sourceType = sourceType;
            this.location = location;
            this.requestedBy = requestedBy;
            this.started = started;
        }

        void problem(String text) {
            if (problems.size() < MAX_PROBLEMS) {
                String line = text.replace('\r', ' ').replace('\n', ' ').replace('\0', '\uFFFD');
                problems.add(line.length() > 500 ? line.substring(0, 500) + "…" : line);
            } else {
                problemsDropped++;
            }
        }

        IngestBatch toBatch(IngestBatch.Status status, Instant finished, String error) {
            List<String> all = new ArrayList<>(problems);
            if (problemsDropped > 0) {
                all.add(problemsDropped + " more problem(s) not kept");
            }
            boolean landed = status == IngestBatch.Status.LANDED;
            boolean standardised = landed && governed != null;
            return new IngestBatch(id, resourceCode, sourceType, location, fingerprint, status, rows, landed ? rows : 0,
                    rowsWithErrors, standardised ? governed.standardised() : 0, standardised ? governed.quarantined() : 0,
                    standardised ? governed.quality() : null, all, description, started, finished, requestedBy,
                    error == null ? null : error.replace('\0', '\uFFFD'), jobId, landed ? highWatermark : null);
        }
    }
}
