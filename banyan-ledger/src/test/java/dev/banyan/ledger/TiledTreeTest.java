package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TiledTree against the literal RFC 6962 recursion, over tiles written by LogTree. */
class TiledTreeTest {

    private static final TreeFixture SMALL = TreeFixture.SMALL;
    private static final TreeFixture LARGE = TreeFixture.LARGE;

    @Test
    void everySizeUpTo600MatchesTheRfc() {
        Random random = new Random(9162);
        for (int size = 1; size <= 600; size++) {
            TiledTree tree = SMALL.tree(size);
            List<byte[]> leaves = SMALL.leaves.subList(0, size);
            byte[] root = SMALL.root(size);
            assertThat(tree.root(size)).as("root(%d)", size).isEqualTo(root);

            for (int index : sample(size, random)) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(proof).as("inclusion %d in %d", index, size)
                        .containsExactlyElementsOf(SMALL.naive.path(index, size));
                assertThat(proof).hasSize(InclusionProof.length(index, size));
                assertThat(tree.leafHash(index, size)).isEqualTo(leaves.get(index));
                InclusionProof.check(index, size, leaves.get(index), proof, root);
            }
            for (int old : sample(size + 1, random)) {
                List<byte[]> proof = tree.consistencyProof(old, size);
                assertThat(proof).as("consistency %d → %d", old, size)
                        .containsExactlyElementsOf(SMALL.naive.proof(old, size));
                assertThat(proof).hasSize(ConsistencyProof.length(old, size));
                ConsistencyProof.check(old, size, SMALL.root(old), root, proof);
            }
        }
    }

    @Test
    void sizesAroundTheFirstLevel1AndLevel2TileBoundaries() {
        Random random = new Random(65536);
        List<Integer> sizes = new ArrayList<>(List.of(65_535, 65_536, 65_537, 65_280, 65_279, 65_281, 65_791,
                65_792, 66_048, 69_999, 70_000, 256, 257, 511, 512, 513));
        for (int i = 0; i < 12; i++) {
            sizes.add(65_536 + random.nextInt(4001) - 2000);
        }
        for (int size : sizes) {
            TiledTree tree = LARGE.tree(size);
            List<byte[]> leaves = LARGE.leaves.subList(0, size);
            byte[] root = LARGE.root(size);
            assertThat(tree.root(size)).as("root(%d)", size).isEqualTo(root);
            for (int index : List.of(0, size - 1, random.nextInt(size), Math.min(size - 1, 65_535),
                    Math.min(size - 1, 65_536), Math.min(size - 1, 255))) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(proof).as("inclusion %d in %d", index, size)
                        .containsExactlyElementsOf(LARGE.naive.path(index, size));
                InclusionProof.check(index, size, leaves.get(index), proof, root);
            }
            for (int old : List.of(1, 256, 65_536 <= size ? 65_536 : size - 1, size - 1, 1 + random.nextInt(size))) {
                List<byte[]> proof = tree.consistencyProof(old, size);
                assertThat(proof).as("consistency %d → %d", old, size)
                        .containsExactlyElementsOf(LARGE.naive.proof(old, size));
                ConsistencyProof.check(old, size, LARGE.root(old), root, proof);
            }
        }
    }

    @Test
    void readsEachTileOnceAtItsWidthAtThatSize() {
        List<Tile> reads = new ArrayList<>();
        new TiledTree(LARGE.tiles.readerAt(70_000, reads)).root(70_000);
        // 70,000 = 1·65,536 + 17·256 + 112: level 2 hash 0, level 1 hashes 256..272, level 0 hashes 69,888..69,999.
        assertThat(reads).containsExactlyInAnyOrder(new Tile(2, 0, 1), new Tile(1, 1, 17), new Tile(0, 273, 112));
        reads.clear();
        new TiledTree(LARGE.tiles.readerAt(70_000, reads)).inclusionProof(12_345, 70_000);
        assertThat(reads).doesNotHaveDuplicates();
        reads.clear();
        new TiledTree(LARGE.tiles.readerAt(70_000, reads)).consistencyProof(65_000, 70_000);
        assertThat(reads).doesNotHaveDuplicates();
    }

    @Test
    void emptyAndTrivialTrees() {
        TiledTree tree = new TiledTree((level, index, width) -> {
            throw new AssertionError("nothing to read");
        });
        assertThat(tree.root(0)).isEqualTo(Rfc6962.emptyRoot());
        assertThat(tree.consistencyProof(0, 0)).isEmpty();
        assertThat(tree.consistencyProof(0, 5)).isEmpty();
        assertThat(tree.consistencyProof(5, 5)).isEmpty();
        assertThat(SMALL.tree(1).inclusionProof(0, 1)).isEmpty();
        assertThat(SMALL.tree(1).root(1)).isEqualTo(SMALL.leaves.get(0));
    }

    @Test
    void rejectsImpossibleArguments() {
        TiledTree tree = SMALL.tree(10);
        assertThatThrownBy(() -> tree.inclusionProof(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TiledTree((l, i, w) -> new byte[w * 32 - 1]).root(10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tile/0/000.p/10");
    }

    /** Every index below n for small n; otherwise the edges, the split points and a few random ones. */
    static List<Integer> sample(int n, Random random) {
        TreeSet<Integer> picks = new TreeSet<>();
        if (n <= 64) {
            for (int i = 0; i < n; i++) {
                picks.add(i);
            }
        } else {
            picks.addAll(List.of(0, 1, n / 2, n - 2, n - 1, NaiveMerkle.k(n) - 1, NaiveMerkle.k(n)));
            for (int i = 0; i < 4; i++) {
                picks.add(random.nextInt(n));
            }
        }
        return new ArrayList<>(picks);
    }
}
