package dev.banyan.server.audit.internal;

import dev.banyan.ledger.LogTree;
import dev.banyan.ledger.TileContent;
import dev.banyan.ledger.Rfc6962;
import dev.banyan.server.audit.LoggedEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts entries into the log in order (定序), many per transaction: one thread takes every append waiting at that
 * moment plus evidence from the outbox, gives them consecutive indexes, writes their entries, tiles, index rows and
 * the new size and root, and commits once — then tells each caller. Several Banyan nodes may run one each: the
 * log-state row is locked per batch, and a node that finds the log grown by another reloads its right edge.
 */
final class Sequencer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    /** How often to look at the outbox when nobody has said it has rows: other nodes, and after a crash. */
    private static final long OUTBOX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** An append waiting for its index. */
    record Pending(String type, String actor, String subject, String payloadJson, Instant time,
                   CompletableFuture<LoggedEntry> done) {
    }

    private final LogStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean outboxNudged = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long size;
    private LogTree tree;

    Sequencer(LogStore store, TransactionTemplate transactions, Clock clock, int maxBatch) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.size = store.state().size();
        this.thread = Thread.ofPlatform().name("audit-sequencer").daemon().start(this::loop);
    }

    CompletableFuture<LoggedEntry> submit(String type, String actor, String subject, String payloadJson) {
        CompletableFuture<LoggedEntry> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the evidence log is shutting down"));
            return done;
        }
        queue.add(new Pending(type, actor, subject, payloadJson, clock.instant(), done));
        return done;
    }

    /** Says that the outbox has new rows, so that they are sequenced now rather than at the next poll. */
    void nudge() {
        outboxNudged.set(true);
        queue.add(WAKE_UP);
    }

    long size() {
        return size;
    }

    private static final Pending WAKE_UP = new Pending("", "", "", "", Instant.EPOCH, null);

    private void loop() {
        long lastOutboxLook = 0;
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                }
                batch.removeIf(p -> p.done() == null);
                boolean lookAtOutbox = outboxNudged.getAndSet(false) || System.nanoTime() - lastOutboxLook > OUTBOX_POLL_NANOS;
                if (batch.isEmpty() && !lookAtOutbox) {
                    continue;
                }
                if (lookAtOutbox) {
                    lastOutboxLook = System.nanoTime();
                }
                flush(batch, lookAtOutbox);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.error("Could not append {} entries to the evidence log; they were not logged and their callers are told", batch.size(), e);
                tree = null;   // reload the right edge from the database before the next batch
                for (Pending p : batch) {
                    p.done().completeExceptionally(e);
                }
                sleepQuietly();
            }
            batch.clear();
        }
    }

    private void flush(List<Pending> appends, boolean withOutbox) {
        List<LoggedEntry> appended = transactions.execute(tx -> {
            LogStore.State state = store.lockState();
            if (tree == null || tree.size() != state.size()) {
                tree = LogTree.restore(state.size(), state.root(), new StoredTiles(store, null));
            }
            List<Pending> all = new ArrayList<>(appends.size());
            List<String> payloads = new ArrayList<>();
            if (withOutbox) {
                for (LogStore.OutboxRow row : store.claimOutbox(maxBatch)) {
                    all.add(new Pending(row.type(), row.actor(), row.subject(), row.payload(), row.recordedAt(), null));
                }
                if (all.size() == maxBatch) {
                    outboxNudged.set(true);   // more are waiting
                }
            }
            all.addAll(appends);
            if (all.isEmpty()) {
                return List.of();
            }
            long first = tree.size();
            List<byte[]> entries = new ArrayList<>(all.size());
            List<LogStore.IndexRow> index = new ArrayList<>(all.size());
            List<LoggedEntry> logged = new ArrayList<>(all.size());
            List<TileContent> completed = new ArrayList<>();
            for (Pending p : all) {
                byte[] entry = EntryFormat.entry(p.type(), p.actor(), p.subject(), p.time(), p.payloadJson());
                byte[] leaf = Rfc6962.leafHash(entry);
                long i = first + entries.size();
                completed.addAll(tree.append(leaf));
                entries.add(entry);
                index.add(new LogStore.IndexRow(i, p.type(), p.actor(), p.subject(), p.time(), leaf, p.payloadJson()));
                logged.add(EntryFormat.read(i, entry));
            }
            store.writeEntries(first, entries);
            completed.addAll(changedPartialTiles(completed));
            store.writeHashTiles(completed);
            store.index(index);
            store.saveState(tree.size(), tree.root(), clock.instant());
            return logged;
        });
        size = tree.size();
        int offset = appended.size() - appends.size();
        for (int i = 0; i < appends.size(); i++) {
            appends.get(i).done().complete(appended.get(offset + i));
        }
    }

    /** The right-most tile of each level that this batch changed: level 0 always, higher ones when a tile below completed. */
    private List<TileContent> changedPartialTiles(List<TileContent> completed) {
        List<TileContent> partial = new ArrayList<>();
        for (int level = 0; level < tree.levels(); level++) {
            int below = level - 1;
            boolean changed = level == 0 || completed.stream().anyMatch(t -> t.tile().level() == below);
            TileContent tile = tree.partialTile(level);
            if (changed && tile != null && tile.tile().width() > 0) {
                partial.add(tile);
            }
        }
        return partial;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sequences what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        queue.add(WAKE_UP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
