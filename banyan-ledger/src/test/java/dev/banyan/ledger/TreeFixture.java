package dev.banyan.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A log of {@code size} deterministic leaves, appended through {@link LogTree} and stored in {@link MemoryTiles}. */
final class TreeFixture {

    /** 700 leaves: every size around the first tile boundaries. */
    static final TreeFixture SMALL = new TreeFixture(700);
    /** 70,000 leaves: the reference's tile-layout example, spanning the first level-1 tile boundary (65,536). */
    static final TreeFixture LARGE = new TreeFixture(70_000);

    final List<byte[]> leaves;
    final List<TileContent> completed = new ArrayList<>();
    final LogTree log = new LogTree();
    final MemoryTiles tiles;
    final NaiveMerkle naive;

    private TreeFixture(int size) {
        leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(NaiveMerkle.leafHash(entry(i)));
        }
        for (byte[] leaf : leaves) {
            completed.addAll(log.append(leaf));
        }
        tiles = MemoryTiles.of(log, completed);
        naive = new NaiveMerkle(leaves);
    }

    static byte[] entry(long i) {
        return ByteBuffer.allocate(Long.BYTES).putLong(i).array();
    }

    TiledTree tree(long size) {
        return new TiledTree(tiles.readerAt(size));
    }

    byte[] root(int size) {
        return naive.mth(0, size);
    }
}
