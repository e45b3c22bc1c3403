package dev.banyan.linkage.internal;

/**
 * 64-bit FNV-1a hash of a blocking key (分块键哈希). Blocks are found by sorting hashes instead of keeping a map of key
 * strings, which keeps a million records' blocking index to a few tens of megabytes. 0 means "no key".
 */
public final class KeyHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private KeyHash() {
    }

    /** The hash of the key parts, or 0 if any part is {@code null}. */
    public static long of(String[] parts) {
        long h = OFFSET;
        for (String part : parts) {
            if (part == null) {
                return 0;
            }
            for (int i = 0; i < part.length(); i++) {
                h ^= part.charAt(i);
                h *= PRIME;
            }
            h ^= 0x1F; // unit separator: ("ab","c") and ("a","bc") differ
            h *= PRIME;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }
}
