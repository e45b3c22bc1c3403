package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of a tiled Merkle log: roots, inclusion proofs and consistency proofs for any size the log has
 * had, computed from its {@code tlog-tiles} hash tiles.
 *
 * <p>A perfect subtree of height {@code h = 8L + r} is the root of {@code 2^r} adjacent hashes of one level-L tile,
 * so it costs at most 255 SHA-256 computations and one tile read; ranges that are not perfect subtrees are split
 * as RFC 6962 does (at the largest power of two below their size). Each tile is read at most once per call, and
 * only at the width it has at the requested tree size.
 *
 * <p>Thread-safe if its {@link TileReader} is. Returned hashes and lists belong to the caller.
 */
public final class TiledTree {

    private final TileReader reader;

    public TiledTree(TileReader reader) {
        if (reader == null) {
            throw new NullPointerException("reader");
        }
        this.reader = reader;
    }

    /** MTH of the first {@code size} leaves; the empty-tree root for size 0. */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? Rfc6962.emptyRoot() : new Snapshot(size).range(0, size);
    }

    /** The leaf hash stored at {@code index}, read from the level-0 tile as it is at {@code size}. */
    public byte[] leafHash(long index, long size) {
        requireIndex(index, size);
        return new Snapshot(size).perfect(index, 0);
    }

    /**
     * RFC 6962 PATH(index, D[0:size]): the audit path from the leaf's sibling up to the child of the root.
     * Empty for a tree of one leaf.
     */
    public List<byte[]> inclusionProof(long index, long size) {
        requireIndex(index, size);
        Snapshot tree = new Snapshot(size);
        List<byte[]> path = new ArrayList<>(Long.SIZE);
        // Walk down from the root; each step records the subtree on the side away from the leaf. The recursion
        // appends on the way back up, so the list is reversed at the end.
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long k = split(hi - lo);
            if (index < lo + k) {
                path.add(tree.range(lo + k, hi));
                hi = lo + k;
            } else {
                path.add(tree.perfect(lo, height(k)));
                lo += k;
            }
        }
        Collections.reverse(path);
        return Collections.unmodifiableList(path);
    }

    /**
     * RFC 6962 PROOF(oldSize, D[0:newSize]): the hashes that show the tree of {@code oldSize} leaves is a prefix of
     * the tree of {@code newSize} leaves. Empty when {@code oldSize} is 0 or equals {@code newSize}.
     */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        requireSize(oldSize);
        if (newSize < oldSize) {
            throw new IllegalArgumentException("old size " + oldSize + " is larger than new size " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return List.of();
        }
        Snapshot tree = new Snapshot(newSize);
        List<byte[]> proof = new ArrayList<>(Long.SIZE);
        // SUBPROOF(m, D[lo:hi], b) unrolled; m is kept as the absolute boundary oldSize.
        long lo = 0;
        long hi = newSize;
        boolean wholeOldTree = true; // RFC 6962's b: the old tree is still the whole left part, so its root is known
        while (oldSize != hi) {
            long k = split(hi - lo);
            if (oldSize - lo <= k) {
                proof.add(tree.range(lo + k, hi));
                hi = lo + k;
            } else {
                proof.add(tree.perfect(lo, height(k)));
                lo += k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            proof.add(tree.range(lo, hi));
        }
        Collections.reverse(proof);
        return Collections.unmodifiableList(proof);
    }

    /** The largest power of two strictly below n (n ≥ 2): RFC 6962's split point. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static int height(long powerOfTwo) {
        return Long.numberOfTrailingZeros(powerOfTwo);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
    }

    private static void requireIndex(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
    }

    /** The tree at one size, as seen by one call: remembers the tiles it has read so each is fetched once. */
    private final class Snapshot {

        private final long size;
        private final Map<Long, byte[]> tiles = new HashMap<>();

        Snapshot(long size) {
            this.size = size;
        }

        /** MTH(D[lo:hi]) for a range that RFC 6962's recursion produces (lo aligned to the split above it). */
        byte[] range(long lo, long hi) {
            long n = hi - lo;
            if (Long.bitCount(n) == 1) {
                return perfect(lo, height(n));
            }
            long k = split(n);
            return Rfc6962.nodeHash(perfect(lo, height(k)), 0, range(lo + k, hi), 0);
        }

        /** Root of the perfect subtree of 2^height leaves starting at leaf {@code start} (a multiple of 2^height). */
        byte[] perfect(long start, int height) {
            int level = height / Tile.HEIGHT;
            int rows = height % Tile.HEIGHT;
            long hashIndex = start >>> (Tile.HEIGHT * level);
            // start is aligned to 2^height, so the 2^rows hashes sit inside one tile, aligned to 2^rows.
            byte[] tile = tile(level, hashIndex >>> Tile.HEIGHT);
            int offset = (int) (hashIndex & (Tile.FULL_WIDTH - 1)) * Rfc6962.HASH_SIZE;
            return Rfc6962.rootOfRange(tile, offset, 1 << rows);
        }

        private byte[] tile(int level, long index) {
            // Levels are < 8 and tile indexes < 2^55 for any long tree size, so this key is unique.
            Long key = index << 3 | level;
            byte[] hashes = tiles.get(key);
            if (hashes == null) {
                int width = Tile.width(level, index, size);
                hashes = reader.readTile(level, index, width);
                if (hashes == null || hashes.length < width * Rfc6962.HASH_SIZE) {
                    throw new IllegalStateException("tile reader returned "
                            + (hashes == null ? "null" : hashes.length + " bytes") + " for "
                            + new Tile(level, index, width).path() + ", which needs " + width * Rfc6962.HASH_SIZE);
                }
                tiles.put(key, hashes);
            }
            return hashes;
        }
    }
}
