package dev.banyan.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6962 §2.1 transcribed literally — recursive MTH, PATH and PROOF over a fixed list of leaf hashes D — with
 * its own SHA-256, so it shares no code with the implementation it checks. MTH(D[lo:hi]) is memoised (it is a
 * pure function of the range), which keeps the recursion literal but lets tests afford trees of 70,000 leaves.
 */
final class NaiveMerkle {

    private final List<byte[]> d;
    private final Map<Long, byte[]> mthMemo = new HashMap<>();

    NaiveMerkle(List<byte[]> leafHashes) {
        this.d = leafHashes;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] leafHash(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    /** k: the largest power of two strictly less than n. */
    static int k(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    /** MTH of a whole list of leaf hashes, without memo. */
    static byte[] mth(List<byte[]> leafHashes) {
        return new NaiveMerkle(leafHashes).mth(0, leafHashes.size());
    }

    /** MTH(D[lo:hi]). */
    byte[] mth(int lo, int hi) {
        int n = hi - lo;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return d.get(lo);
        }
        long key = (long) lo << 32 | hi;
        byte[] memo = mthMemo.get(key);
        if (memo == null) {
            int k = k(n);
            memo = nodeHash(mth(lo, lo + k), mth(lo + k, hi));
            mthMemo.put(key, memo);
        }
        return memo;
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    // PATH(m, D[lo:hi]), m relative to lo.
    private List<byte[]> path(int m, int lo, int hi) {
        int n = hi - lo;
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, lo, lo + k));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(path(m - k, lo + k, hi));
            out.add(mth(lo, lo + k));
        }
        return out;
    }

    /** PROOF(m, D[0:n]) for 0 < m < n; empty for m = 0 or m = n, as the API defines. */
    List<byte[]> proof(int m, int n) {
        if (m == 0 || m == n) {
            return List.of();
        }
        return subproof(m, 0, n, true);
    }

    // SUBPROOF(m, D[lo:hi], b), m relative to lo.
    private List<byte[]> subproof(int m, int lo, int hi, boolean b) {
        int n = hi - lo;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(lo, hi));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, lo, lo + k, b));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(subproof(m - k, lo + k, hi, false));
            out.add(mth(lo, lo + k));
        }
        return out;
    }
}
