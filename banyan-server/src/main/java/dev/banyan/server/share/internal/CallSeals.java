package dev.banyan.server.share.internal;

import dev.banyan.ledger.LogTree;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed call records into the evidence log (调用存证), about once a second: the RFC 6962 Merkle root of the
 * records' leaf hashes in id order goes into {@code share.call_seal} and, in the same transaction, into one evidence
 * entry {@code share.calls.sealed}; each record gets its seal's id. One call is proved by its record, its inclusion in
 * the seal's root, and the seal's entry in the signed log. Sealing by the second rather than by write batch keeps the
 * evidence log's appends (each a durable tile update) off the gateway's path: at 10,000 calls a second it is one
 * entry a second, not thousands. Records a crash left unsealed are sealed at the next start.
 */
final class CallSeals implements DisposableBean {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final int MAX_LEAVES = 100_000;
    private static final Logger log = LoggerFactory.getLogger(CallSeals.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final ConcurrentLinkedQueue<List<CallLogWriter.Leaf>> committed = new ConcurrentLinkedQueue<>();
    private final List<CallLogWriter.Leaf> retry = new ArrayList<>();
    private final Thread sealer;
    private volatile boolean running = true;

    CallSeals(JdbcClient jdbc, TransactionTemplate transactions, EvidenceLog evidence, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
        this.sealer = Thread.ofPlatform().name("call-sealer").daemon().start(this::run);
    }

    /** Records committed by a writer, to be sealed in the next round. */
    void add(List<CallLogWriter.Leaf> leaves) {
        committed.add(leaves);
    }

    private void run() {
        sealLeftovers();
        while (running) {
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            sealCommitted();
        }
        sealCommitted();
    }

    /** Seals what the writers committed since the last round; on failure keeps it for the next. */
    synchronized void sealCommitted() {
        List<CallLogWriter.Leaf> leaves = new ArrayList<>(retry);
        retry.clear();
        for (List<CallLogWriter.Leaf> l = committed.poll(); l != null; l = committed.poll()) {
            leaves.addAll(l);
        }
        for (int from = 0; from < leaves.size(); from += MAX_LEAVES) {
            List<CallLogWriter.Leaf> part = leaves.subList(from, Math.min(leaves.size(), from + MAX_LEAVES));
            try {
                seal(part);
            } catch (RuntimeException e) {
                log.warn("Could not seal {} call records; trying again in the next round: {}", part.size(), e.toString());
                retry.addAll(part);
            }
        }
    }

    /** Records left unsealed by a crash (older than a minute, so not another live node's), sealed in id order. */
    private void sealLeftovers() {
        try {
            Timestamp before = Timestamp.from(clock.instant().minus(Duration.ofMinutes(1)));
            List<CallLogWriter.Leaf> leftovers = jdbc.sql("""
                    select id, leaf_hash from share.call_log where seal_id is null and at < ? order by id limit ?""")
                    .params(before, MAX_LEAVES)
                    .query((rs, n) -> new CallLogWriter.Leaf(rs.getLong(1), rs.getBytes(2))).list();
            if (!leftovers.isEmpty()) {
                seal(leftovers);
                log.info("Sealed {} call records left unsealed by an earlier stop", leftovers.size());
            }
        } catch (RuntimeException e) {
            log.warn("Could not seal call records left unsealed: {}", e.toString());
        }
    }

    private void seal(List<CallLogWriter.Leaf> unsorted) {
        if (unsorted.isEmpty()) {
            return;
        }
        List<CallLogWriter.Leaf> leaves = new ArrayList<>(unsorted);
        leaves.sort(Comparator.comparingLong(CallLogWriter.Leaf::id));
        LogTree tree = new LogTree();
        tree.appendAll(leaves.stream().map(CallLogWriter.Leaf::hash).toList());
        byte[] root = tree.root();
        long[] ids = leaves.stream().mapToLong(CallLogWriter.Leaf::id).toArray();
        transactions.executeWithoutResult(tx -> {
            long seal = jdbc.sql("select nextval('share.call_seal_id')").query(Long.class).single();
            jdbc.sql("insert into share.call_seal (id, first_call, last_call, calls, root, sealed_at) values (?, ?, ?, ?, ?, ?)")
                    .params(seal, ids[0], ids[ids.length - 1], ids.length, root, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            jdbc.sql("update share.call_log set seal_id = ? where id = any(?) and seal_id is null")
                    .params(seal, java.util.Arrays.stream(ids).boxed().toArray(Long[]::new)).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("firstCall", ids[0]);
            payload.put("lastCall", ids[ids.length - 1]);
            payload.put("calls", ids.length);
            payload.put("root", HexFormat.of().formatHex(root));
            evidence.record(Evidence.of("share.calls.sealed", "system:gateway", "call-seal:" + seal, payload));
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        sealer.interrupt();
        sealer.join(10_000);
    }
}
