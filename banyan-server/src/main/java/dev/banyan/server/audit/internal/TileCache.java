package dev.banyan.server.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash tiles most recently used for proofs, kept in memory (8 KiB a full tile). A cached partial tile is used
 * for any width it covers and replaced when a wider one is read.
 */
final class TileCache {

    private final Map<Long, byte[]> tiles;

    TileCache(int capacity) {
        this.tiles = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached hashes of the tile if they cover at least {@code bytes}. */
    synchronized byte[] get(int level, long index, int bytes) {
        byte[] hashes = tiles.get(key(level, index));
        return hashes != null && hashes.length >= bytes ? hashes : null;
    }

    synchronized void put(int level, long index, byte[] hashes) {
        tiles.merge(key(level, index), hashes, (old, fresh) -> fresh.length >= old.length ? fresh : old);
    }

    synchronized void clear() {
        tiles.clear();
    }

    // Levels stay below 8 for any log that fits in a long: 3 bits of level, 56 of index.
    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
