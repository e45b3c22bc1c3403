package dev.banyan.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-memory tile store fed by {@link LogTree}: every completed full tile plus the latest partial tiles. Its
 * readers serve any earlier tree size from prefixes (tiles only grow) and fail the test if asked for a tile at a
 * width other than the one it has at that size.
 */
final class MemoryTiles {

    private final Map<String, byte[]> tiles = new HashMap<>();

    void putAll(List<TileContent> contents) {
        for (TileContent content : contents) {
            put(content);
        }
    }

    void put(TileContent content) {
        String key = content.tile().level() + "/" + content.tile().index();
        byte[] old = tiles.get(key);
        if (old != null) {
            // A tile may only grow: the old version must be a prefix of the new one.
            assertThat(Arrays.copyOf(content.hashes(), old.length)).isEqualTo(old);
        }
        tiles.put(key, content.hashes());
    }

    /** Stores the log's completed tiles and its current partial tiles. */
    static MemoryTiles of(LogTree log, List<TileContent> completed) {
        MemoryTiles store = new MemoryTiles();
        store.putAll(completed);
        store.putAll(log.partialTiles());
        return store;
    }

    /** A reader of the tree at {@code treeSize}. */
    TileReader readerAt(long treeSize) {
        return readerAt(treeSize, null);
    }

    /** A reader of the tree at {@code treeSize} that logs each tile it serves into {@code reads} (if not null). */
    TileReader readerAt(long treeSize, List<Tile> reads) {
        // Plain checks rather than AssertJ chains: tests read hundreds of thousands of tiles.
        return (level, index, width) -> {
            int expected = Tile.width(level, index, treeSize);
            if (width != expected) {
                throw new AssertionError("tile " + level + "/" + index + " read at width " + width
                        + ", but it has width " + expected + " at tree size " + treeSize);
            }
            if (reads != null) {
                reads.add(new Tile(level, index, width));
            }
            byte[] stored = tiles.get(level + "/" + index);
            if (stored == null || stored.length < width * Rfc6962.HASH_SIZE) {
                throw new AssertionError("tile " + level + "/" + index + " is not stored at width " + width);
            }
            return Arrays.copyOf(stored, width * Rfc6962.HASH_SIZE);
        };
    }
}
