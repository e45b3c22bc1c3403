package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A C2SP {@code tlog-tiles} entry bundle: the raw entries of one level-0 tile, each prefixed by its length as a
 * big-endian uint16 — which is why a tiled log's entries are limited to 65,535 bytes.
 */
public final class EntryBundle {

    /** Largest entry a bundle can hold. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {
    }

    /**
     * The bundle holding {@code entries} in order.
     *
     * @throws IllegalArgumentException if an entry is longer than 65,535 bytes
     */
    public static byte[] encode(List<byte[]> entries) {
        int total = 0;
        for (int i = 0; i < entries.size(); i++) {
            int length = entries.get(i).length;
            if (length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry #" + i + " is " + length
                        + " bytes; a tlog-tiles entry bundle holds at most " + MAX_ENTRY_SIZE + " bytes per entry");
            }
            total = Math.addExact(total, 2 + length);
        }
        byte[] bundle = new byte[total];
        int at = 0;
        for (byte[] entry : entries) {
            bundle[at] = (byte) (entry.length >>> 8);
            bundle[at + 1] = (byte) entry.length;
            System.arraycopy(entry, 0, bundle, at + 2, entry.length);
            at += 2 + entry.length;
        }
        return bundle;
    }

    /**
     * The entries of a bundle, in order.
     *
     * @throws IllegalArgumentException if the bundle is truncated (a length prefix or an entry is cut short)
     */
    public static List<byte[]> decode(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (bundle.length - at < 2) {
                throw new IllegalArgumentException("entry bundle is truncated: entry #" + entries.size()
                        + " at byte " + at + " has only 1 of its 2 length bytes");
            }
            int length = (bundle[at] & 0xFF) << 8 | bundle[at + 1] & 0xFF;
            int start = at + 2;
            if (bundle.length - start < length) {
                throw new IllegalArgumentException("entry bundle is truncated: entry #" + entries.size()
                        + " declares " + length + " bytes but only " + (bundle.length - start) + " remain");
            }
            entries.add(Arrays.copyOfRange(bundle, start, start + length));
            at = start + length;
        }
        return entries;
    }
}
