package dev.banyan.server.share.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.ledger.LogTree;
import dev.banyan.ledger.Rfc6962;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the call log with group commit (调用日志): the gateway hands each call's record over and waits until it is
 * committed; a writer thread (one of {@link #WRITERS}) takes whatever has queued, copies it into {@code share.call_log} with {@code COPY},
 * and seals the batch — the RFC 6962 Merkle root of the records' leaf hashes — into the evidence log as one entry
 * ({@code share.calls.sealed}), all in one transaction. So every answered call is on record before its answer leaves,
 * a crash loses no answered call, and the evidence log grows by one entry per batch, not per call; any single call
 * can still be proved: its leaf hash, its inclusion in the seal's root, the seal's entry in the log.
 *
 * <p>By default the batch commits with PostgreSQL's asynchronous commit: the answer waits for the commit, so a crash
 * of Banyan loses no answered call, but the WAL is flushed to disk by the database's WAL writer a moment later
 * (within {@code 3 × wal_writer_delay}, 600 ms by default), so a crash of the database server or of the machine
 * can lose the records of the calls answered in that moment. {@code banyan.share.call-log.synchronous-commit=true}
 * waits for the flush too, at the price of one disk flush per batch on every call's path (ADR 0010).
 */
final class CallLogWriter implements DisposableBean {

    static final int MAX_BATCH = 4096;
    static final int WRITERS = 4;
    private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);

    private record Pending(CallRecord record, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final EvidenceLog evidence;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(200_000);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    private final boolean synchronousCommit;

    CallLogWriter(DataSource dataSource, TransactionTemplate transactions, EvidenceLog evidence, boolean synchronousCommit) {
        this.synchronousCommit = synchronousCommit;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.evidence = evidence;
        // Several writers, each committing its own batch: while one waits for its commit, the next batch is copied.
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Thread.ofPlatform().name("call-log-writer-" + i).daemon().start(this::run));
        }
    }

    /** Queues a record; the future completes when it is committed (or fails if it could not be written). */
    CompletableFuture<Void> append(CallRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(record, done))) {
            done.completeExceptionally(new IllegalStateException("the call log is not accepting records"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.error("Could not write {} call records; their calls are answered with an error", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        transactions.executeWithoutResult(tx -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                if (!synchronousCommit) {
                    try (var st = c.createStatement()) {
                        st.execute("set local synchronous_commit = off");
                    }
                }
                long seal;
                try (var st = c.createStatement(); var rs = st.executeQuery("select nextval('share.call_seal_id')")) {
                    rs.next();
                    seal = rs.getLong(1);
                }
                long[] ids = new long[batch.size()];
                try (var st = c.prepareStatement("select nextval('share.call_log_id') from generate_series(1, ?)")) {
                    st.setInt(1, ids.length);
                    try (var rs = st.executeQuery()) {
                        for (int i = 0; rs.next(); i++) {
                            ids[i] = rs.getLong(1);
                        }
                    }
                }
                List<byte[]> leaves = new ArrayList<>(batch.size());
                StringBuilder rows = new StringBuilder(batch.size() * 200);
                for (int i = 0; i < ids.length; i++) {
                    byte[] leaf = Rfc6962.leafHash(CanonicalJson.utf8(canonical(ids[i], batch.get(i).record())));
                    leaves.add(leaf);
                    appendRow(rows, ids[i], seal, leaf, batch.get(i).record());
                }
                long firstId = ids[0];
                long lastId = ids[ids.length - 1];
                CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy share.call_log (id, at, client_id, department, service_code, service_version, grant_id, purpose,
                            param_hash, fields, row_count, status, outcome, latency_us, seal_id, leaf_hash) from stdin""");
                byte[] bytes = rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
                LogTree tree = new LogTree();
                tree.appendAll(leaves);
                byte[] root = tree.root();
                Instant now = Instant.now();
                try (var s = c.prepareStatement("insert into share.call_seal (id, first_call, last_call, calls, root, sealed_at) values (?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, seal);
                    s.setLong(2, firstId);
                    s.setLong(3, lastId);
                    s.setInt(4, batch.size());
                    s.setBytes(5, root);
                    s.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    s.execute();
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("firstCall", firstId);
                payload.put("lastCall", lastId);
                payload.put("calls", batch.size());
                payload.put("root", HexFormat.of().formatHex(root));
                evidence.record(Evidence.of("share.calls.sealed", "system:gateway", "call-seal:" + seal, payload));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot write the call log: " + e.getMessage(), e);
            }
        });
    }

    /** What a call record's leaf hash covers, as RFC 8785 canonical JSON. */
    static Map<String, Object> canonical(long id, CallRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("at", r.at().toString());
        m.put("client", r.clientId());
        m.put("department", r.department());
        m.put("service", r.serviceCode());
        m.put("version", r.serviceVersion());
        m.put("grant", r.grantId());
        m.put("purpose", r.purpose());
        m.put("parameters", r.parameterHash());
        m.put("fields", r.fields());
        m.put("rows", r.rows());
        m.put("status", r.status());
        m.put("outcome", r.outcome());
        return m;
    }

    private static void appendRow(StringBuilder b, long id, long seal, byte[] leaf, CallRecord r) {
        b.append(id).append('\t').append(r.at()).append('\t');
        text(b, r.clientId());
        text(b, r.department());
        text(b, r.serviceCode());
        b.append(r.serviceVersion() == null ? "\\N" : r.serviceVersion()).append('\t');
        b.append(r.grantId() == null ? "\\N" : r.grantId()).append('\t');
        text(b, r.purpose());
        text(b, r.parameterHash());
        b.append('{');
        for (int i = 0; i < r.fields().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"');
            // array-literal escaping first, then COPY's own
            escapeCopy(b, r.fields().get(i).replace("\\", "\\\\").replace("\"", "\\\""));
            b.append('"');
        }
        b.append("}\t").append(r.rows()).append('\t').append(r.status()).append('\t');
        text(b, r.outcome());
        b.append(r.latencyMicros()).append('\t').append(seal).append('\t').append("\\\\x").append(HexFormat.of().formatHex(leaf)).append('\n');
    }

    private static void text(StringBuilder b, String v) {
        if (v == null) {
            b.append("\\N");
        } else {
            escapeCopy(b, v);
        }
        b.append('\t');
    }

    private static void escapeCopy(StringBuilder b, String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(10_000);
        }
    }
}
