package dev.banyan.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verification of a Merkle audit path (inclusion proof) exactly as RFC 9162 §2.1.3.2 specifies: that the leaf hash
 * at {@code index} is part of the tree of {@code size} leaves with the given root.
 *
 * <p>Only the root binds the size: a checkpoint's signature over (size, root) is what makes the size trustworthy.
 */
public final class InclusionProof {

    private InclusionProof() {
    }

    /**
     * True if {@code proof} shows {@code leafHash} at {@code index} in the tree of {@code size} leaves with
     * {@code root}.
     */
    public static boolean verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        return failure(index, size, leafHash, proof, root) == null;
    }

    /**
     * Like {@link #verify}, but says why a proof fails.
     *
     * @throws ProofException naming the failed check
     */
    public static void check(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        String failure = failure(index, size, leafHash, proof, root);
        if (failure != null) {
            throw new ProofException(failure);
        }
    }

    /** Number of hashes in the inclusion proof of {@code index} in a tree of {@code size} leaves. */
    public static int length(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        // Hashes below the point where the leaf's path and the right edge diverge, plus one per left sibling the
        // path picks up along the right edge above it (RFC 6962 PATH, counted without hashing).
        int inner = Long.SIZE - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    // The reason the proof fails, or null if it verifies. Strings, not exceptions, so verify() stays cheap.
    private static String failure(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root, "root");
        if (index < 0) {
            return "leaf index " + index + " is negative";
        }
        if (index >= size) {
            return "leaf index " + index + " is not below tree size " + size;
        }
        if (leafHash.length != Rfc6962.HASH_SIZE) {
            return "leaf hash is " + leafHash.length + " bytes, not " + Rfc6962.HASH_SIZE;
        }
        if (root.length != Rfc6962.HASH_SIZE) {
            return "root is " + root.length + " bytes, not " + Rfc6962.HASH_SIZE;
        }
        String malformed = malformedElement(proof);
        if (malformed != null) {
            return malformed;
        }
        int expected = length(index, size);
        if (proof.size() != expected) {
            return "proof has " + proof.size() + " hashes, but leaf " + index + " of a tree of size " + size
                    + " needs " + expected;
        }
        // RFC 9162 §2.1.3.2, step by step.
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return "proof is longer than the path from leaf " + index + " to the root";
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, 0, r, 0);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = Rfc6962.nodeHash(r, 0, p, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return "proof ends before reaching the root";
        }
        if (!Arrays.equals(r, root)) {
            return "proof leads to root " + Rfc6962.hex(r) + ", not the expected " + Rfc6962.hex(root);
        }
        return null;
    }

    static String malformedElement(List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) {
            byte[] p = proof.get(i);
            if (p == null) {
                return "proof hash #" + i + " is null";
            }
            if (p.length != Rfc6962.HASH_SIZE) {
                return "proof hash #" + i + " is " + p.length + " bytes, not " + Rfc6962.HASH_SIZE;
            }
        }
        return null;
    }
}
