package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.SourceFingerprint;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Feeds every byte that passes through into SHA-256, so a file is hashed while it is parsed, in one pass. */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private long bytes;
    private long markBytes;
    private boolean markSupported;

    HashingInputStream(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must be hashed too
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: re-reading would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /**
     * Does not close the file: parsers close their input when they reach its end (Jackson does), but the bytes after
     * the parser's last token must still be hashed by {@link #finish}. The reader calls {@link #closeSource()}.
     */
    @Override
    public void close() {
    }

    void closeSource() throws IOException {
        in.close();
    }

    long bytes() {
        return bytes;
    }

    /** Reads whatever the parser left unread (trailing bytes), then returns the fingerprint of all bytes. */
    SourceFingerprint finish(long rows) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // drain
        }
        return new SourceFingerprint(SourceFingerprint.Kind.BYTES, HexFormat.of().formatHex(digest.digest()), bytes,
                rows);
    }
}
