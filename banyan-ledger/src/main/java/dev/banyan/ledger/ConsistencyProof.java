package dev.banyan.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verification of a Merkle consistency proof exactly as RFC 9162 §2.1.4.2 specifies: that the tree of
 * {@code oldSize} leaves with {@code oldRoot} is a prefix of the tree of {@code newSize} leaves with
 * {@code newRoot} — the log only appended.
 *
 * <p>Edge cases follow transparency-dev/merkle: equal sizes need an empty proof and equal roots; old size 0 needs
 * an empty proof, and here additionally {@code oldRoot} must be the empty-tree root, since that is the only root
 * a tree of size 0 has.
 */
public final class ConsistencyProof {

    private ConsistencyProof() {
    }

    /**
     * True if {@code proof} shows the tree ({@code oldSize}, {@code oldRoot}) is a prefix of the tree
     * ({@code newSize}, {@code newRoot}).
     */
    public static boolean verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        return failure(oldSize, newSize, oldRoot, newRoot, proof) == null;
    }

    /**
     * Like {@link #verify}, but says why a proof fails.
     *
     * @throws ProofException naming the failed check
     */
    public static void check(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof)
            throws ProofException {
        String failure = failure(oldSize, newSize, oldRoot, newRoot, proof);
        if (failure != null) {
            throw new ProofException(failure);
        }
    }

    /**
     * Number of hashes in the consistency proof between these sizes (0 when {@code oldSize} is 0 or equals
     * {@code newSize}).
     */
    public static int length(long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("sizes " + oldSize + " → " + newSize + " are not a valid pair");
        }
        if (oldSize == 0 || oldSize == newSize) {
            return 0;
        }
        // RFC 6962 SUBPROOF, counted without hashing.
        int length = 0;
        long lo = 0;
        long hi = newSize;
        boolean wholeOldTree = true;
        while (oldSize != hi) {
            long k = TiledTree.split(hi - lo);
            if (oldSize - lo <= k) {
                hi = lo + k;
            } else {
                lo += k;
                wholeOldTree = false;
            }
            length++;
        }
        return wholeOldTree ? length : length + 1;
    }

    // The reason the proof fails, or null if it verifies.
    private static String failure(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        Objects.requireNonNull(proof, "proof");
        if (oldSize < 0) {
            return "old size " + oldSize + " is negative";
        }
        if (newSize < oldSize) {
            return "old size " + oldSize + " is larger than new size " + newSize;
        }
        if (oldRoot.length != Rfc6962.HASH_SIZE) {
            return "old root is " + oldRoot.length + " bytes, not " + Rfc6962.HASH_SIZE;
        }
        if (newRoot.length != Rfc6962.HASH_SIZE) {
            return "new root is " + newRoot.length + " bytes, not " + Rfc6962.HASH_SIZE;
        }
        if (oldSize == newSize) {
            if (!proof.isEmpty()) {
                return "both sizes are " + oldSize + ", so the proof must be empty, but it has " + proof.size()
                        + " hashes";
            }
            return Arrays.equals(oldRoot, newRoot) ? null
                    : "two trees of size " + oldSize + " have different roots " + Rfc6962.hex(oldRoot) + " and "
                    + Rfc6962.hex(newRoot);
        }
        if (oldSize == 0) {
            if (!proof.isEmpty()) {
                return "a proof from the empty tree must be empty, but it has " + proof.size() + " hashes";
            }
            return Arrays.equals(oldRoot, Rfc6962.emptyRoot()) ? null
                    : "old size is 0 but the old root " + Rfc6962.hex(oldRoot) + " is not the empty-tree root";
        }
        // RFC 9162 §2.1.4.2, step by step.
        if (proof.isEmpty()) {
            return "proof is empty";
        }
        String malformed = InclusionProof.malformedElement(proof);
        if (malformed != null) {
            return malformed;
        }
        int expected = length(oldSize, newSize);
        if (proof.size() != expected) {
            return "proof has " + proof.size() + " hashes, but " + oldSize + " → " + newSize + " needs " + expected;
        }
        // Step 2 prepends oldRoot when oldSize is a power of two; reading it from `first` avoids copying the list.
        boolean prepend = Long.bitCount(oldSize) == 1;
        byte[] first = prepend ? oldRoot : proof.get(0);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (int i = prepend ? 0 : 1; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return "proof is longer than the path from the old tree to the new root";
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, 0, fr, 0);
                sr = Rfc6962.nodeHash(c, 0, sr, 0);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = Rfc6962.nodeHash(sr, 0, c, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return "proof ends before reaching the new root";
        }
        if (!Arrays.equals(fr, oldRoot)) {
            return "proof leads to old root " + Rfc6962.hex(fr) + ", not the expected " + Rfc6962.hex(oldRoot);
        }
        if (!Arrays.equals(sr, newRoot)) {
            return "proof leads to new root " + Rfc6962.hex(sr) + ", not the expected " + Rfc6962.hex(newRoot);
        }
        return null;
    }
}
