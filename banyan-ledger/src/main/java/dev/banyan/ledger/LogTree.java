package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append side of a tiled Merkle log: the right edge of the growing tree, held as the one partial tile of each
 * level. Appending a leaf hash fills the level-0 partial tile; when a tile reaches 256 hashes it is handed back
 * to be stored (it never changes again) and its root is appended one level up, cascading.
 *
 * <p>Memory is at most 8 KiB per level (a {@code long}-sized tree has at most 8 levels), whatever the size.
 *
 * <p>Not thread-safe: one sequencer owns a {@code LogTree} and appends to it in order.
 */
public final class LogTree {

    // A long tree size has at most 63 bits, 8 per level.
    private static final int MAX_LEVELS = (Long.SIZE - 1 + Tile.HEIGHT - 1) / Tile.HEIGHT;
    private static final int TILE_BYTES = Tile.FULL_WIDTH * Rfc6962.HASH_SIZE;

    /** partial[L] holds the first width(L) hashes of level L's partial tile; null until the level has a hash. */
    private final byte[][] partial = new byte[MAX_LEVELS][];
    private long size;
    private byte[] root; // cached; cleared by every append

    /** An empty log. */
    public LogTree() {
    }

    /**
     * The right edge of the log as it was at {@code size} leaves, read from its stored tiles: one read per level
     * that has a partial tile at that size, at exactly that tile's width then. Full tiles are not read — they are
     * never needed for appending.
     *
     * @throws IllegalStateException if the reader returns fewer bytes than asked for
     */
    public static LogTree restore(long size, TileReader reader) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        LogTree tree = new LogTree();
        tree.size = size;
        for (int level = 0; level < MAX_LEVELS; level++) {
            long hashes = Tile.hashesAtLevel(level, size);
            int width = (int) (hashes & (Tile.FULL_WIDTH - 1));
            if (width == 0) {
                continue;
            }
            long index = hashes >>> Tile.HEIGHT;
            byte[] read = reader.readTile(level, index, width);
            int bytes = width * Rfc6962.HASH_SIZE;
            if (read == null || read.length < bytes) {
                throw new IllegalStateException("tile reader returned "
                        + (read == null ? "null" : read.length + " bytes") + " for "
                        + new Tile(level, index, width).path() + ", which needs " + bytes);
            }
            tree.partial[level] = Arrays.copyOf(read, TILE_BYTES);
        }
        return tree;
    }

    /**
     * Like {@link #restore(long, TileReader)}, then checks the result against a root known from elsewhere (the
     * last signed checkpoint), so corrupt or stale tiles are caught before anything is appended to them.
     *
     * @throws IllegalStateException if the tiles give a different root
     */
    public static LogTree restore(long size, byte[] expectedRoot, TileReader reader) {
        LogTree tree = restore(size, reader);
        if (!Arrays.equals(tree.root(), expectedRoot)) {
            throw new IllegalStateException("tiles at size " + size + " give root " + Rfc6962.hex(tree.root())
                    + ", not the expected " + Rfc6962.hex(expectedRoot));
        }
        return tree;
    }

    /**
     * Appends one leaf hash (32 bytes, copied).
     *
     * @return the tiles this append completed, level 0 first (usually none; one level-0 tile every 256 appends,
     *         plus a level-1 tile every 65,536 …). The caller owns them and should store them before publishing a
     *         checkpoint that covers them.
     */
    public List<TileContent> append(byte[] leafHash) {
        Rfc6962.requireHash(leafHash, "leaf");
        List<TileContent> completed = new ArrayList<>(0);
        push(leafHash, completed);
        return completed;
    }

    /** Appends leaf hashes in order; returns every tile completed along the way, in completion order. */
    public List<TileContent> appendAll(List<byte[]> leafHashes) {
        for (byte[] leafHash : leafHashes) {
            Rfc6962.requireHash(leafHash, "leaf"); // all or nothing: check before changing the tree
        }
        List<TileContent> completed = new ArrayList<>(0);
        for (byte[] leafHash : leafHashes) {
            push(leafHash, completed);
        }
        return completed;
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /**
     * MTH of all leaves, computed from the partial tiles (the empty-tree root at size 0); cached until the next
     * append. Returns a copy.
     */
    public byte[] root() {
        if (root == null) {
            root = computeRoot();
        }
        return root.clone();
    }

    /**
     * The current partial tile of {@code level} — what a log serves at its {@code .p/<W>} path — as a copy, or
     * {@code null} if that level's partial tile is empty (its width at this size is 0: the size is a multiple of
     * 256^(level+1), or the level is above {@link #levels()}).
     */
    public TileContent partialTile(int level) {
        if (level < 0 || level > Tile.MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level + " is outside 0.." + Tile.MAX_LEVEL);
        }
        int width = width(level);
        if (width == 0) {
            return null;
        }
        long index = Tile.hashesAtLevel(level, size) >>> Tile.HEIGHT;
        return new TileContent(new Tile(level, index, width),
                Arrays.copyOf(partial[level], width * Rfc6962.HASH_SIZE));
    }

    /** Every non-empty partial tile, level 0 first: with the completed full tiles, all a log must publish. */
    public List<TileContent> partialTiles() {
        List<TileContent> tiles = new ArrayList<>(levels());
        for (int level = 0; level < levels(); level++) {
            TileContent tile = partialTile(level);
            if (tile != null) {
                tiles.add(tile);
            }
        }
        return tiles;
    }

    /**
     * Number of levels that hold at least one hash: 0 for the empty tree, 1 for 1–255 leaves, 2 for 256–65,535 …
     * (size 70,000 has 3: level 2 holds one hash, the root of the first full level-1 tile).
     */
    public int levels() {
        int levels = 0;
        while (levels < MAX_LEVELS && Tile.hashesAtLevel(levels, size) > 0) {
            levels++;
        }
        return levels;
    }

    private int width(int level) {
        return level >= MAX_LEVELS ? 0 : (int) (Tile.hashesAtLevel(level, size) & (Tile.FULL_WIDTH - 1));
    }

    private void push(byte[] leafHash, List<TileContent> completed) {
        root = null;
        byte[] hash = leafHash;
        // Widths are read before size changes: level L gains a hash exactly when all levels below it fill up.
        for (int level = 0; ; level++) {
            int width = width(level);
            byte[] tile = partial[level];
            if (tile == null) {
                tile = partial[level] = new byte[TILE_BYTES];
            }
            System.arraycopy(hash, 0, tile, width * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
            if (width + 1 < Tile.FULL_WIDTH) {
                break;
            }
            long index = Tile.hashesAtLevel(level, size) >>> Tile.HEIGHT;
            completed.add(new TileContent(Tile.full(level, index), tile));
            // The full tile's buffer now belongs to the caller; the level starts a fresh one lazily.
            partial[level] = null;
            hash = Rfc6962.rootOfRange(tile, 0, Tile.FULL_WIDTH);
        }
        size++;
    }

    // The tree's perfect subtrees, largest (leftmost) first, are the power-of-two chunks of each level's partial
    // tile, highest level first; MTH folds them from the right: H(s1, H(s2, … H(sn-1, sn))).
    private byte[] computeRoot() {
        if (size == 0) {
            return Rfc6962.emptyRoot();
        }
        byte[] acc = null;
        for (int level = 0; level < MAX_LEVELS; level++) {
            int width = width(level);
            // Chunks in a level come from width's bits, low bit = rightmost chunk.
            int end = width;
            for (int bit = 0; bit < Tile.HEIGHT; bit++) {
                int chunk = 1 << bit;
                if ((width & chunk) == 0) {
                    continue;
                }
                int start = end - chunk;
                byte[] subtree = Rfc6962.rootOfRange(partial[level], start * Rfc6962.HASH_SIZE, chunk);
                acc = acc == null ? subtree : Rfc6962.nodeHash(subtree, 0, acc, 0);
                end = start;
            }
        }
        return acc;
    }

    @Override
    public String toString() {
        return "LogTree[size=" + size + "]";
    }
}
