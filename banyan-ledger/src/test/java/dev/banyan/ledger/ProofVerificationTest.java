package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Generated proofs verify; every corruption of them fails, with a message from check(). */
class ProofVerificationTest {

    private static final TreeFixture SMALL = TreeFixture.SMALL;
    private static final TreeFixture LARGE = TreeFixture.LARGE;

    @Test
    void corruptedInclusionProofsFail() {
        Random random = new Random(1);
        for (int size = 1; size <= 300; size++) {
            for (int index : TiledTreeTest.sample(size, random)) {
                assertInclusionCorruptionsFail(SMALL, index, size, random);
            }
        }
        for (int i = 0; i < 30; i++) {
            int size = 65_536 + random.nextInt(4001) - 2000;
            assertInclusionCorruptionsFail(LARGE, random.nextInt(size), size, random);
        }
    }

    @Test
    void corruptedConsistencyProofsFail() {
        Random random = new Random(2);
        for (int size = 2; size <= 300; size++) {
            for (int old : TiledTreeTest.sample(size, random)) {
                if (old > 0) {
                    assertConsistencyCorruptionsFail(SMALL, old, size, random);
                }
            }
        }
        for (int i = 0; i < 30; i++) {
            int size = 65_536 + random.nextInt(4001) - 2000;
            assertConsistencyCorruptionsFail(LARGE, 1 + random.nextInt(size - 1), size, random);
        }
        assertConsistencyCorruptionsFail(LARGE, 65_536, 70_000, random);
        assertConsistencyCorruptionsFail(LARGE, 256, 65_536, random);
    }

    private static void assertInclusionCorruptionsFail(TreeFixture fixture, int index, int size, Random random) {
        TiledTree tree = fixture.tree(size);
        byte[] leaf = fixture.leaves.get(index);
        byte[] root = fixture.root(size); // memoised: these tests need thousands of roots
        List<byte[]> proof = tree.inclusionProof(index, size);
        String what = "inclusion " + index + " in " + size;
        assertThat(InclusionProof.verify(index, size, leaf, proof, root)).as(what).isTrue();

        List<List<byte[]>> badProofs = new ArrayList<>(structuralCorruptions(proof, leaf, random));
        for (List<byte[]> bad : badProofs) {
            assertInclusionFails(what + " corrupted", index, size, leaf, bad, root);
        }
        if (index + 1 < size) {
            assertInclusionFails(what + " as index+1", index + 1, size, leaf, proof, root);
            assertInclusionFails(what + " with leaf index+1", index, size, fixture.leaves.get(index + 1), proof,
                    root);
        }
        if (index > 0) {
            assertInclusionFails(what + " as index-1", index - 1, size, leaf, proof, root);
        }
        for (int otherSize : new int[] {size - 1, size + 1, 2 * size}) {
            // With the root of the size claimed, a proof for another size must fail (unless it is that proof).
            if (otherSize > index && otherSize <= fixture.leaves.size()
                    && !sameHashes(proof, fixture.naive.path(index, otherSize))) {
                assertInclusionFails(what + " as size " + otherSize, index, otherSize, leaf, proof,
                        fixture.root(otherSize));
            }
        }
        assertInclusionFails(what + " with a flipped root", index, size, leaf, proof, flip(root, random));
        assertInclusionFails(what + " with a flipped leaf", index, size, flip(leaf, random), proof, root);
        assertInclusionFails(what + " as size " + index, index, index, leaf, proof, root);
    }

    private static void assertConsistencyCorruptionsFail(TreeFixture fixture, int old, int size, Random random) {
        TiledTree tree = fixture.tree(size);
        byte[] oldRoot = fixture.root(old);
        byte[] newRoot = fixture.root(size);
        List<byte[]> proof = tree.consistencyProof(old, size);
        String what = "consistency " + old + " → " + size;
        assertThat(ConsistencyProof.verify(old, size, oldRoot, newRoot, proof)).as(what).isTrue();

        for (List<byte[]> bad : structuralCorruptions(proof, oldRoot, random)) {
            assertConsistencyFails(what + " corrupted", old, size, oldRoot, newRoot, bad);
        }
        assertConsistencyFails(what + " with swapped roots", old, size, newRoot, oldRoot, proof);
        assertConsistencyFails(what + " with a flipped old root", old, size, flip(oldRoot, random), newRoot, proof);
        assertConsistencyFails(what + " with a flipped new root", old, size, oldRoot, flip(newRoot, random), proof);
        for (int otherOld : new int[] {old - 1, old + 1}) {
            if (otherOld > 0 && otherOld < size
                    && !sameHashes(proof, fixture.naive.proof(otherOld, size))) {
                assertConsistencyFails(what + " as old size " + otherOld, otherOld, size,
                        fixture.root(otherOld),
                        newRoot, proof);
            }
        }
        for (int otherNew : new int[] {size - 1, size + 1}) {
            if (otherNew > old && otherNew <= fixture.leaves.size()) {
                if (!sameHashes(proof, fixture.naive.proof(old, otherNew))) {
                    assertConsistencyFails(what + " as new size " + otherNew, old, otherNew, oldRoot,
                            fixture.root(otherNew), proof);
                }
            }
        }
        assertConsistencyFails(what + " as equal sizes", size, size, newRoot, newRoot, proof);
    }

    /** Flipped bits in each element, a missing first/last element, an extra one, two swapped elements. */
    private static List<List<byte[]>> structuralCorruptions(List<byte[]> proof, byte[] someHash, Random random) {
        List<List<byte[]>> bad = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> copy = new ArrayList<>(proof);
            copy.set(i, flip(proof.get(i), random));
            bad.add(copy);
        }
        if (!proof.isEmpty()) {
            bad.add(proof.subList(1, proof.size()));
            bad.add(proof.subList(0, proof.size() - 1));
        }
        for (byte[] extra : List.of(someHash, new byte[32])) {
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(extra);
            bad.add(longer);
            List<byte[]> prefixed = new ArrayList<>(proof);
            prefixed.add(0, extra);
            bad.add(prefixed);
        }
        for (int i = 0; i + 1 < proof.size(); i++) {
            if (!Arrays.equals(proof.get(i), proof.get(i + 1))) {
                List<byte[]> swapped = new ArrayList<>(proof);
                swapped.set(i, proof.get(i + 1));
                swapped.set(i + 1, proof.get(i));
                bad.add(swapped);
            }
        }
        return bad;
    }

    private static void assertInclusionFails(String what, long index, long size, byte[] leaf, List<byte[]> proof,
            byte[] root) {
        // Plain checks rather than AssertJ chains: this runs ~50,000 times.
        if (InclusionProof.verify(index, size, leaf, proof, root)) {
            fail(what + " verified");
        }
        try {
            InclusionProof.check(index, size, leaf, proof, root);
            fail(what + " passed check()");
        } catch (ProofException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void assertConsistencyFails(String what, long old, long size, byte[] oldRoot, byte[] newRoot,
            List<byte[]> proof) {
        if (ConsistencyProof.verify(old, size, oldRoot, newRoot, proof)) {
            fail(what + " verified");
        }
        try {
            ConsistencyProof.check(old, size, oldRoot, newRoot, proof);
            fail(what + " passed check()");
        } catch (ProofException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    static byte[] flip(byte[] hash, Random random) {
        byte[] copy = hash.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void checkExplainsFailuresInPlainEnglish() {
        TiledTree tree = SMALL.tree(7);
        byte[] leaf = SMALL.leaves.get(3);
        byte[] root = tree.root(7);
        List<byte[]> proof = tree.inclusionProof(3, 7);
        assertThatThrownBy(() -> InclusionProof.check(7, 7, leaf, proof, root))
                .hasMessage("leaf index 7 is not below tree size 7");
        assertThatThrownBy(() -> InclusionProof.check(-1, 7, leaf, proof, root))
                .hasMessage("leaf index -1 is negative");
        assertThatThrownBy(() -> InclusionProof.check(3, 7, leaf, proof.subList(0, 2), root))
                .hasMessage("proof has 2 hashes, but leaf 3 of a tree of size 7 needs 3");
        assertThatThrownBy(() -> InclusionProof.check(3, 7, leaf, List.of(proof.get(0), new byte[5], root), root))
                .hasMessage("proof hash #1 is 5 bytes, not 32");
        assertThatThrownBy(() -> InclusionProof.check(3, 7, new byte[31], proof, root))
                .hasMessage("leaf hash is 31 bytes, not 32");
        assertThatThrownBy(() -> InclusionProof.check(3, 7, leaf, proof, new byte[32]))
                .hasMessageStartingWith("proof leads to root " + Rfc6962.hex(root) + ", not the expected 0000");

        byte[] root3 = SMALL.tree(3).root(3);
        List<byte[]> consistency = tree.consistencyProof(3, 7);
        assertThatThrownBy(() -> ConsistencyProof.check(8, 7, root3, root, consistency))
                .hasMessage("old size 8 is larger than new size 7");
        assertThatThrownBy(() -> ConsistencyProof.check(3, 7, root3, root, List.of()))
                .hasMessage("proof is empty");
        assertThatThrownBy(() -> ConsistencyProof.check(3, 7, root3, root, consistency.subList(1, 4)))
                .hasMessage("proof has 3 hashes, but 3 → 7 needs 4");
        assertThatThrownBy(() -> ConsistencyProof.check(3, 7, root, root, consistency))
                .hasMessageStartingWith("proof leads to old root " + Rfc6962.hex(root3));
        assertThatThrownBy(() -> ConsistencyProof.check(3, 7, root3, root3, consistency))
                .hasMessageStartingWith("proof leads to new root " + Rfc6962.hex(root));
        assertThatThrownBy(() -> ConsistencyProof.check(7, 7, root, root, consistency))
                .hasMessage("both sizes are 7, so the proof must be empty, but it has 4 hashes");
        assertThatThrownBy(() -> ConsistencyProof.check(7, 7, root, root3, List.of()))
                .hasMessageStartingWith("two trees of size 7 have different roots");
        assertThatThrownBy(() -> ConsistencyProof.check(0, 7, Rfc6962.emptyRoot(), root, consistency))
                .hasMessage("a proof from the empty tree must be empty, but it has 4 hashes");
        assertThatThrownBy(() -> ConsistencyProof.check(0, 7, root3, root, List.of()))
                .hasMessageContaining("is not the empty-tree root");
    }

    @Test
    void trivialConsistencyCases() {
        byte[] root = SMALL.tree(7).root(7);
        assertThat(ConsistencyProof.verify(7, 7, root, root, List.of())).isTrue();
        assertThat(ConsistencyProof.verify(0, 7, Rfc6962.emptyRoot(), root, List.of())).isTrue();
        assertThat(ConsistencyProof.verify(0, 0, Rfc6962.emptyRoot(), Rfc6962.emptyRoot(), List.of())).isTrue();
        assertThat(ConsistencyProof.verify(-1, 7, root, root, List.of())).isFalse();
    }

    @Test
    void proofLengths() {
        assertThat(InclusionProof.length(3, 7)).isEqualTo(3);
        assertThat(InclusionProof.length(0, 1)).isZero();
        assertThat(InclusionProof.length(6, 7)).isEqualTo(2);
        assertThat(ConsistencyProof.length(3, 7)).isEqualTo(4);
        assertThat(ConsistencyProof.length(4, 8)).isEqualTo(1);
        assertThat(ConsistencyProof.length(0, 8)).isZero();
        assertThat(ConsistencyProof.length(8, 8)).isZero();
        assertThat(InclusionProof.length(0, Long.MAX_VALUE)).isEqualTo(63);
        assertThat(ConsistencyProof.length(1, Long.MAX_VALUE)).isEqualTo(63);
        assertThatThrownBy(() -> InclusionProof.length(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
