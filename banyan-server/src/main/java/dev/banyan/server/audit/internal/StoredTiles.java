package dev.banyan.server.audit.internal;

import dev.banyan.ledger.Rfc6962;
import dev.banyan.ledger.TileReader;
import java.util.Arrays;

/**
 * Hash tiles read from the store, through the tile cache if there is one. A partial tile is served at any width
 * up to what it holds now: hashes never change once written, the tile only grows.
 */
final class StoredTiles implements TileReader {

    private final LogStore store;
    private final TileCache cache;

    /** @param cache null to read the database every time (the sequencer, inside its own transaction) */
    StoredTiles(LogStore store, TileCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public byte[] readTile(int level, long index, int width) {
        int bytes = width * Rfc6962.HASH_SIZE;
        byte[] hashes = cache == null ? null : cache.get(level, index, bytes);
        if (hashes == null) {
            hashes = store.hashTile(level, index).orElseThrow(() -> new IllegalStateException(
                    "the evidence log has no hash tile " + level + "/" + index + "; its tiles are incomplete"));
            if (cache != null) {
                cache.put(level, index, hashes);
            }
        }
        if (hashes.length < bytes) {
            throw new IllegalStateException("hash tile " + level + "/" + index + " holds " + hashes.length / Rfc6962.HASH_SIZE
                    + " hashes, " + width + " were asked for; the log is not that big yet");
        }
        return hashes.length == bytes ? hashes : Arrays.copyOf(hashes, bytes);
    }
}
