package dev.banyan.server.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes rows for {@code COPY … FROM STDIN} in PostgreSQL's text format into a growing byte buffer: values
 * separated by tabs, rows ended by a newline, {@code \N} for NULL, and backslash, tab, newline and carriage return
 * escaped. Text format lets PostgreSQL parse typed columns (dates, numbers, booleans) itself.
 */
final class TextCopyRows {

    private static final byte[] NULL = {'\\', 'N'};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int capacity;
    private byte[] buffer;
    private int size;
    private boolean rowStarted;

    TextCopyRows(int capacity) {
        this.capacity = Math.max(capacity, 64);
        this.buffer = new byte[this.capacity];
    }

    TextCopyRows value(String v) {
        separate();
        if (v == null) {
            put(NULL, NULL.length);
            return this;
        }
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        boolean plain = true;
        for (byte b : bytes) {
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                plain = false;
                break;
            }
        }
        if (plain) {
            put(bytes, bytes.length);
        } else {
            ensure(bytes.length * 2);
            for (byte b : bytes) {
                switch (b) {
                    case '\\' -> { buffer[size++] = '\\'; buffer[size++] = '\\'; }
                    case '\t' -> { buffer[size++] = '\\'; buffer[size++] = 't'; }
                    case '\n' -> { buffer[size++] = '\\'; buffer[size++] = 'n'; }
                    case '\r' -> { buffer[size++] = '\\'; buffer[size++] = 'r'; }
                    default -> buffer[size++] = b;
                }
            }
        }
        return this;
    }

    TextCopyRows value(long v) {
        return value(Long.toString(v));
    }

    TextCopyRows value(boolean v) {
        return value(v ? "t" : "f");
    }

    /** A {@code bytea} value in hex form ({@code \\x…}, the backslash escaped for COPY). */
    TextCopyRows bytes(byte[] source, int offset, int length) {
        separate();
        ensure(3 + 2 * length);
        buffer[size++] = '\\';
        buffer[size++] = '\\';
        buffer[size++] = 'x';
        for (int i = offset; i < offset + length; i++) {
            buffer[size++] = (byte) HEX[(source[i] >> 4) & 0xF];
            buffer[size++] = (byte) HEX[source[i] & 0xF];
        }
        return this;
    }

    void endRow() {
        ensure(1);
        buffer[size++] = '\n';
        rowStarted = false;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
        if (buffer.length > 4 * capacity) {
            buffer = new byte[capacity];
        }
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            buffer[size++] = '\t';
        }
        rowStarted = true;
    }

    private void put(byte[] bytes, int length) {
        ensure(length);
        System.arraycopy(bytes, 0, buffer, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
