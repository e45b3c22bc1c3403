package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rough speed check, printed rather than asserted (timings on shared CI machines are noise): proofs for a
 * 10,000,000-leaf tree whose tiles are in memory, and sequencer appends.
 *
 * <p>The tree has identical leaves, so every tile of a level holds the same hash and the whole tree fits in eight
 * arrays — yet it is a consistent RFC 6962 tree, so the proofs still verify, and the hashing work per proof is
 * the same as for real data.
 */
class TiledTreeMicroCheckTest {

    private static final long SIZE = 10_000_000;

    @Test
    void proofsForTenMillionLeaves() {
        byte[][] levelTiles = new byte[8][];
        byte[] hash = Rfc6962.leafHash("banyan".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] leaf = hash;
        for (int level = 0; level < levelTiles.length; level++) {
            levelTiles[level] = new byte[Tile.FULL_WIDTH * Rfc6962.HASH_SIZE];
            for (int i = 0; i < Tile.FULL_WIDTH; i++) {
                System.arraycopy(hash, 0, levelTiles[level], i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
            }
            hash = Rfc6962.rootOfFullTile(levelTiles[level]);
        }
        TiledTree tree = new TiledTree((level, index, width) -> levelTiles[level]);
        byte[] root = tree.root(SIZE);
        Random random = new Random(10);

        int rounds = 5_000;
        long sink = 0;
        long start = 0;
        for (int pass = 0; pass < 2; pass++) { // first pass warms up the JIT
            start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += tree.inclusionProof(random.nextLong(SIZE), SIZE).size();
            }
        }
        double inclusionMicros = (System.nanoTime() - start) / 1e3 / rounds;

        start = System.nanoTime();
        for (int i = 0; i < rounds / 4; i++) {
            long old = 1 + random.nextLong(SIZE - 1);
            sink += tree.consistencyProof(old, SIZE).size();
        }
        double consistencyMicros = (System.nanoTime() - start) / 1e3 / (rounds / 4);

        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long index = random.nextLong(SIZE);
            sink += InclusionProof.verify(index, SIZE, leaf, tree.inclusionProof(index, SIZE), root) ? 1 : 0;
        }
        double proveAndVerifyMicros = (System.nanoTime() - start) / 1e3 / rounds;

        LogTree log = new LogTree();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            leaves.add(Rfc6962.leafHash(TreeFixture.entry(i)));
        }
        start = System.nanoTime();
        for (byte[] l : leaves) {
            sink += log.append(l).size();
        }
        double appendNanos = (double) (System.nanoTime() - start) / leaves.size();

        System.out.printf("TiledTree, %,d leaves: inclusion proof %.1f µs, consistency proof %.1f µs, "
                        + "prove+verify %.1f µs; LogTree append %.0f ns/leaf (%d)%n",
                SIZE, inclusionMicros, consistencyMicros, proveAndVerifyMicros, appendNanos, sink);

        for (long index : new long[] {0, 1, 255, 256, 65_535, 65_536, SIZE / 2, SIZE - 2, SIZE - 1}) {
            assertThat(InclusionProof.verify(index, SIZE, leaf, tree.inclusionProof(index, SIZE), root)).isTrue();
        }
        assertThat(ConsistencyProof.verify(9_999_000, SIZE, tree.root(9_999_000), root,
                tree.consistencyProof(9_999_000, SIZE))).isTrue();
    }
}
