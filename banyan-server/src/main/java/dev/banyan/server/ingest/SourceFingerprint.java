package dev.banyan.server.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The checksum of what was read (数据源指纹), so that the same source read twice is recognised.
 *
 * @param kind   {@link Kind#BYTES} for files: SHA-256 of the exact file bytes; {@link Kind#CONTENT} for databases and
 *               APIs: SHA-256 of the columns and rows as delivered (see {@link #contentDigest()})
 * @param sha256 64 lower-case hex digits
 * @param bytes  number of bytes hashed (file size for {@code BYTES})
 * @param rows   number of rows delivered
 */
public record SourceFingerprint(Kind kind, String sha256, long bytes, long rows) {

    /** What the checksum covers. */
    public enum Kind {
        /** The source's bytes: the same file gives the same fingerprint whatever its name or time stamp. */
        BYTES,
        /** The rows as delivered (database tables, REST pages), in delivery order. */
        CONTENT
    }

    public SourceFingerprint {
        Objects.requireNonNull(kind, "kind");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
    }

    /** "sha256:…" — how the checksum is written in the batch record. */
    public String label() {
        return "sha256:" + sha256;
    }

    /**
     * SHA-256 of a file's bytes, for checking before a load whether the file has landed already. Gives the same
     * {@link #sha256()} as reading the file through its connector (with {@code rows} = -1, not counted here).
     */
    public static SourceFingerprint ofFile(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new SourceFingerprint(Kind.BYTES, HexFormat.of().formatHex(digest.digest()), bytes, -1);
    }

    /**
     * The digest used for {@link Kind#CONTENT}: every column name and value is fed as its UTF-8 bytes preceded by a
     * 4-byte length (-1 for null), columns first, then each row, so that no two different tables collide by
     * concatenation.
     */
    public static MessageDigest contentDigest() {
        return sha256Digest();
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
