package dev.banyan.server.ingest.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Rows of a RAW table encoded for {@code COPY … FROM STDIN (FORMAT binary)}, into one reusable byte buffer, each with
 * its row hash.
 *
 * <p>A row is a 16-bit field count, then per field a 32-bit big-endian length (−1 for NULL) and the value's bytes: the
 * text values as UTF-8, then {@code _batch} and {@code _row} as 8-byte integers and {@code _row_hash} as 16 bytes.
 * The row hash is SHA-256 over exactly the encoded text values — each a 4-byte big-endian length (−1 for null) and
 * its UTF-8 bytes, in field order — truncated to 16 bytes: equal rows give equal hashes across batches, so changed
 * rows can be found later. As the binary format already holds those bytes, each row is hashed in place, in one
 * update, and no value is encoded twice.
 *
 * <p>The binary format needs no escaping: a value's bytes are {@link String#getBytes(java.nio.charset.Charset)}'s
 * (unpaired surrogates become {@code ?}), copied once into the buffer. NUL characters must have been replaced before
 * (PostgreSQL text cannot hold them).
 */
final class CopyRows {

    /** The 11-byte signature, 32-bit flags (none) and 32-bit header extension length (none). */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Bytes of the row hash stored. */
    static final int HASH_BYTES = 16;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private final short fieldCount;
    private final int capacity;
    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] buffer;
    private int size;

    /**
     * @param values   text values per row (the table's catalog columns)
     * @param capacity initial buffer size in bytes; the buffer grows if a single row needs more
     */
    CopyRows(int values, int capacity) {
        if (values + 3 > Short.MAX_VALUE) {
            throw new IllegalArgumentException("too many columns for COPY: " + values);
        }
        this.fieldCount = (short) (values + 3);
        this.capacity = Math.max(capacity, 64);
        this.buffer = new byte[this.capacity];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the header that starts a binary COPY stream. */
    void header() {
        ensure(HEADER.length);
        System.arraycopy(HEADER, 0, buffer, size, HEADER.length);
        size += HEADER.length;
    }

    /** Appends the trailer that ends a binary COPY stream. */
    void trailer() {
        ensure(2);
        SHORT.set(buffer, size, (short) -1);
        size += 2;
    }

    /**
     * Appends one row: the values ({@code null} = NULL), the batch id, the row number and the row hash.
     *
     * @return the offset of the row hash in {@link #buffer()} (valid until the next {@link #clear()})
     */
    int append(String[] values, long batch, long row) {
        ensure(2 + 4 * values.length + 4 + 8 + 4 + 8 + 4 + HASH_BYTES);
        SHORT.set(buffer, size, fieldCount);
        size += 2;
        int hashed = size;
        for (String v : values) {
            if (v == null) {
                ensure(4);
                INT.set(buffer, size, -1);
                size += 4;
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);   // intrinsic; no faster done by hand (measured)
                ensure(4 + bytes.length);
                INT.set(buffer, size, bytes.length);
                System.arraycopy(bytes, 0, buffer, size + 4, bytes.length);
                size += 4 + bytes.length;
            }
        }
        sha256.update(buffer, hashed, size - hashed);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        ensure(4 + 8 + 4 + 8 + 4 + HASH_BYTES);
        INT.set(buffer, size, 8);
        LONG.set(buffer, size + 4, batch);
        INT.set(buffer, size + 12, 8);
        LONG.set(buffer, size + 16, row);
        INT.set(buffer, size + 24, HASH_BYTES);
        System.arraycopy(digest, 0, buffer, size + 28, HASH_BYTES);
        size += 28 + HASH_BYTES;
        return size - HASH_BYTES;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    /** Empties the buffer; one grown for a very large row is given back. */
    void clear() {
        size = 0;
        if (buffer.length > 4 * capacity) {
            buffer = new byte[capacity];
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
