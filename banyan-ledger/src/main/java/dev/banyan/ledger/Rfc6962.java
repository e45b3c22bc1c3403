package dev.banyan.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The Merkle tree hash of RFC 6962 §2.1 (unchanged in RFC 9162 §2.1): SHA-256 over {@code 0x00 ‖ entry} for a
 * leaf and over {@code 0x01 ‖ left ‖ right} for an interior node. The distinct prefixes are what stop a leaf from
 * being passed off as a node (second-preimage attacks), and are why generic Merkle libraries are incompatible.
 *
 * <p>Every hash is a 32-byte {@code byte[]}. Methods returning a hash return a fresh array the caller owns.
 * All methods are thread-safe.
 */
public final class Rfc6962 {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // One digest per thread: MessageDigest.getInstance does a provider lookup that would cost more than the
    // 65-byte hash it is used for.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Rfc6962::newSha256);

    private static final byte[] EMPTY_ROOT = newSha256().digest();

    private Rfc6962() {
    }

    /** MTH({}) — the root of the empty tree, SHA-256 of the empty string ({@code e3b0c442…b855}). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** The leaf hash of one log entry: SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = SHA256.get();
        sha.update(LEAF_PREFIX);
        sha.update(entry);
        return sha.digest();
    }

    /** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right); both children must be 32-byte hashes. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        return nodeHash(left, 0, right, 0);
    }

    /**
     * The root of the perfect subtree whose bottom row is {@code hashes}: 2^k concatenated 32-byte hashes. With
     * 256 leaf hashes this is the hash a full level-0 tile contributes to level 1 (255 SHA-256 computations).
     *
     * @throws IllegalArgumentException if the length is not 32 times a power of two
     */
    public static byte[] rootOfFullTile(byte[] hashes) {
        int count = hashes.length / HASH_SIZE;
        if (hashes.length % HASH_SIZE != 0 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("expected a power-of-two number of 32-byte hashes, got "
                    + hashes.length + " bytes");
        }
        return rootOfRange(hashes, 0, count);
    }

    /** Lower-case hex of a hash, for log lines and error messages. */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** SHA-256(0x01 ‖ a[aOff..aOff+32) ‖ b[bOff..bOff+32)) as a new array. */
    static byte[] nodeHash(byte[] a, int aOff, byte[] b, int bOff) {
        byte[] out = new byte[HASH_SIZE];
        nodeHashInto(SHA256.get(), a, aOff, b, bOff, out, 0);
        return out;
    }

    /**
     * The root of the perfect subtree over {@code count} (a power of two) hashes stored back to back in
     * {@code hashes} from {@code offset} bytes on. The input is not modified.
     */
    static byte[] rootOfRange(byte[] hashes, int offset, int count) {
        if (count == 1) {
            return Arrays.copyOfRange(hashes, offset, offset + HASH_SIZE);
        }
        MessageDigest sha = SHA256.get();
        // First row goes into a half-size scratch buffer; later rows are folded in place: node i of a row is
        // written to slot i only after slots 2i and 2i+1 (both ≥ i) have been fed to the digest.
        int width = count >>> 1;
        byte[] row = new byte[width * HASH_SIZE];
        for (int i = 0; i < width; i++) {
            int in = offset + 2 * i * HASH_SIZE;
            nodeHashInto(sha, hashes, in, hashes, in + HASH_SIZE, row, i * HASH_SIZE);
        }
        for (; width > 1; width >>>= 1) {
            for (int i = 0; i < width >>> 1; i++) {
                nodeHashInto(sha, row, 2 * i * HASH_SIZE, row, (2 * i + 1) * HASH_SIZE, row, i * HASH_SIZE);
            }
        }
        return row.length == HASH_SIZE ? row : Arrays.copyOf(row, HASH_SIZE);
    }

    static void nodeHashInto(MessageDigest sha, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        sha.update(NODE_PREFIX);
        sha.update(a, aOff, HASH_SIZE);
        sha.update(b, bOff, HASH_SIZE);
        try {
            sha.digest(out, outOff, HASH_SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null) {
            throw new NullPointerException(what + " hash is null");
        }
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException(what + " hash is " + hash.length + " bytes, not " + HASH_SIZE);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
