package dev.banyan.server.audit.internal;

import dev.banyan.ledger.EntryBundle;
import dev.banyan.ledger.TiledLog;
import java.util.Arrays;
import java.util.List;

/**
 * The log as its own tables hold it, seen through the same {@link TiledLog} a remote verifier uses — so that the
 * console's integrity check runs the very code of {@code ./banyan audit verify}, reading the database uncached.
 */
final class StoredTiledLog implements TiledLog {

    private final TiledEvidenceLog log;
    private final LogStore store;

    StoredTiledLog(TiledEvidenceLog log, LogStore store) {
        this.log = log;
        this.store = store;
    }

    @Override
    public String checkpoint() {
        return log.latestCheckpoint().note();
    }

    @Override
    public byte[] hashTile(int level, long index, int width) {
        byte[] hashes = store.hashTile(level, index).orElseThrow(() -> new IllegalStateException("no hash tile " + level + "/" + index));
        if (hashes.length < width * 32) {
            throw new IllegalStateException("hash tile " + level + "/" + index + " is shorter than " + width + " hashes");
        }
        return Arrays.copyOf(hashes, width * 32);
    }

    @Override
    public byte[] entryBundle(long index, int width) {
        List<byte[]> entries = store.entries(index);
        return EntryBundle.encode(entries.subList(0, Math.min(width, entries.size())));
    }
}
