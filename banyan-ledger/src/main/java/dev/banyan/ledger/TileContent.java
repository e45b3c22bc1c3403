package dev.banyan.ledger;

import java.util.Arrays;

/**
 * A tile together with its hashes: what a log publishes at {@link Tile#path()}.
 *
 * @param tile   the tile's coordinates and width
 * @param hashes the tile's {@code width × 32} bytes: its hashes, concatenated in order. Not copied; whoever
 *               receives a {@code TileContent} from {@link LogTree} owns the array.
 */
public record TileContent(Tile tile, byte[] hashes) {

    public TileContent {
        if (tile == null || hashes == null) {
            throw new NullPointerException("tile and hashes are required");
        }
        if (hashes.length != tile.width() * Rfc6962.HASH_SIZE) {
            throw new IllegalArgumentException("tile " + tile.path() + " needs " + tile.width() * Rfc6962.HASH_SIZE
                    + " bytes of hashes, got " + hashes.length);
        }
    }

    /** Hash number {@code i} (0-based) of this tile, as a new array. */
    public byte[] hash(int i) {
        if (i < 0 || i >= tile.width()) {
            throw new IndexOutOfBoundsException("hash " + i + " of a tile of width " + tile.width());
        }
        return Arrays.copyOfRange(hashes, i * Rfc6962.HASH_SIZE, (i + 1) * Rfc6962.HASH_SIZE);
    }

    // Records compare arrays by identity; tile contents are values.
    @Override
    public boolean equals(Object o) {
        return o instanceof TileContent other && tile.equals(other.tile) && Arrays.equals(hashes, other.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * tile.hashCode() + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "TileContent[" + tile.path() + "]";
    }
}
