package dev.banyan.server.audit.internal;

import dev.banyan.ledger.Checkpoint;
import dev.banyan.ledger.NoteSigner;
import dev.banyan.ledger.SignedNote;
import dev.banyan.ledger.TiledTree;
import dev.banyan.ledger.TlogProof;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import dev.banyan.server.audit.SignedCheckpoint;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The evidence log kept as C2SP tiles in PostgreSQL: appends go through the {@link Sequencer}, proofs are computed
 * from hash tiles (cached), checkpoints are signed with every key of {@link SigningKeys}.
 */
final class TiledEvidenceLog implements EvidenceLog {

    private static final long APPEND_TIMEOUT_SECONDS = 30;

    private final LogStore store;
    private final Sequencer sequencer;
    private final SigningKeys keys;
    private final TileCache cache;
    private final TiledTree tree;
    private final String origin;
    private final Clock clock;
    private final Object publishing = new Object();

    TiledEvidenceLog(LogStore store, Sequencer sequencer, SigningKeys keys, TileCache cache, String origin, Clock clock) {
        this.store = store;
        this.sequencer = sequencer;
        this.keys = keys;
        this.cache = cache;
        this.tree = new TiledTree(new StoredTiles(store, cache));
        this.origin = origin;
        this.clock = clock;
    }

    @Override
    public void record(Evidence evidence) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            append(evidence);
            return;
        }
        String payload = EntryFormat.payloadJson(evidence.payload());
        // Fail now, inside the caller's transaction, rather than in the sequencer later.
        EntryFormat.entry(evidence.type(), evidence.actor(), evidence.subject(), clock.instant(), payload);
        store.addToOutbox(evidence.type(), evidence.actor(), evidence.subject(), payload, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sequencer.nudge();
            }
        });
    }

    @Override
    public LoggedEntry append(Evidence evidence) {
        String payload = EntryFormat.payloadJson(evidence.payload());
        EntryFormat.entry(evidence.type(), evidence.actor(), evidence.subject(), clock.instant(), payload);
        try {
            return sequencer.submit(evidence.type(), evidence.actor(), evidence.subject(), payload)
                    .get(APPEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to the evidence log", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the evidence log could not append " + evidence.type() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the evidence log did not confirm " + evidence.type() + " within "
                    + APPEND_TIMEOUT_SECONDS + " s; it may still be appended", e);
        }
    }

    @Override
    public boolean awaitRecorded(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!store.outboxEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sequencer.nudge();
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public long size() {
        return store.state().size();
    }

    /**
     * The log's size as far as this node knows it without a query, when that already covers {@code wanted} (the
     * log never shrinks); else the size in the database, which another node may have grown.
     */
    private long knownSize(long wanted) {
        long local = sequencer.size();
        return wanted <= local ? local : size();
    }

    @Override
    public Optional<LoggedEntry> entry(long index) {
        if (index < 0) {
            return Optional.empty();
        }
        List<byte[]> tile = store.entries(index / LogStore.TILE_WIDTH);
        int position = (int) (index % LogStore.TILE_WIDTH);
        return position < tile.size() ? Optional.of(EntryFormat.read(index, tile.get(position))) : Optional.empty();
    }

    @Override
    public Optional<Long> indexOfLeafHash(byte[] leafHash) {
        return store.indexOfLeafHash(leafHash);
    }

    @Override
    public SignedCheckpoint latestCheckpoint() {
        return store.latestCheckpoint().orElseGet(this::publishCheckpoint);
    }

    @Override
    public SignedCheckpoint publishCheckpoint() {
        synchronized (publishing) {
            LogStore.State state = store.state();
            Optional<SignedCheckpoint> latest = store.latestCheckpoint();
            if (latest.isPresent() && latest.get().size() >= state.size()) {
                return latest.get();
            }
            String text = new Checkpoint(origin, state.size(), state.root(), List.of()).text();
            List<NoteSigner> signers = keys.signers();
            SignedCheckpoint signed = new SignedCheckpoint(state.size(), state.root(),
                    SignedNote.sign(text, signers).format(), clock.instant());
            store.saveCheckpoint(signed);
            // Another node may have signed the same size a moment earlier; serve the stored one.
            return store.latestCheckpoint().orElse(signed);
        }
    }

    /** Publishes a checkpoint if the log has grown since the last one; called every second. */
    void publishIfGrown() {
        LogStore.State state = store.state();
        long published = store.latestCheckpoint().map(SignedCheckpoint::size).orElse(-1L);
        if (state.size() > published) {
            publishCheckpoint();
        }
    }

    @Override
    public List<SignedCheckpoint> checkpoints(int limit) {
        return store.checkpoints(Math.clamp(limit, 1, 1000));
    }

    @Override
    public List<byte[]> inclusionProof(long index, long treeSize) {
        if (index < 0 || index >= treeSize || treeSize > knownSize(treeSize)) {
            throw new InvalidInputException("index", "audit.error.noEntryInTree", index, treeSize, size());
        }
        return tree.inclusionProof(index, treeSize);
    }

    @Override
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize || newSize > knownSize(newSize)) {
            throw new InvalidInputException("old", "audit.error.badSizes", oldSize, newSize, size());
        }
        return tree.consistencyProof(oldSize, newSize);
    }

    @Override
    public String receipt(long index) {
        LoggedEntry entry = entry(index).orElseThrow(() -> new NotFoundException("audit.error.noEntry", index));
        SignedCheckpoint checkpoint = store.checkpointCovering(index).orElseGet(this::publishCheckpoint);
        List<byte[]> path = tree.inclusionProof(index, checkpoint.size());
        return new TlogProof(entry.bytes(), index, path, checkpoint.note()).format();
    }

    @Override
    public List<LoggedEntry> search(EntryQuery query) {
        List<LoggedEntry> found = new ArrayList<>();
        for (long index : store.search(query)) {
            entry(index).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public Optional<String> payload(long index) {
        return store.payload(index);
    }

    @Override
    public List<String> verifierKeys() {
        return keys.signers().stream().map(NoteSigner::verifierKey).toList();
    }

    @Override
    public String origin() {
        return origin;
    }

    /** The tiles as stored, for the tlog-tiles endpoint. */
    TiledTree tree() {
        return tree;
    }

    TileCache cache() {
        return cache;
    }
}
