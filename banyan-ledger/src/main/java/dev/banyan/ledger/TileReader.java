package dev.banyan.ledger;

/**
 * Where {@link TiledTree} and {@link LogTree#restore} get hash tiles from: a tile store, an HTTP client of a
 * {@code tlog-tiles} log, or an in-memory map.
 *
 * <p>Callers only ask for a tile at the width it has at the tree size they work with ({@link Tile#width}), so a
 * store that keeps only the latest version of each tile can answer with a prefix of it: tiles only grow.
 */
@FunctionalInterface
public interface TileReader {

    /**
     * Returns the first {@code width} hashes of tile {@code index} at {@code level}, concatenated
     * ({@code width × 32} bytes; a longer array is accepted and only its prefix is used). The caller does not
     * modify the array, so a store may hand out its own copy.
     *
     * @throws RuntimeException of the reader's choice if the tile is missing or unreadable; it propagates unchanged
     */
    byte[] readTile(int level, long index, int width);
}
