package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.SourceFingerprint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** {@link SourceFingerprint.Kind#CONTENT} hashing: length-prefixed UTF-8 of the columns, then of every row. */
final class ContentHash {

    private final MessageDigest digest = SourceFingerprint.contentDigest();
    private final ByteBuffer length = ByteBuffer.allocate(4);
    private long bytes;

    void add(List<String> values) {
        feed(values.size());
        for (String v : values) {
            if (v == null) {
                feed(-1);
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                feed(b.length);
                digest.update(b);
                bytes += b.length;
            }
        }
    }

    private void feed(int n) {
        length.clear();
        length.putInt(n);
        digest.update(length.array());
        bytes += 4;
    }

    SourceFingerprint finish(long rows) {
        return new SourceFingerprint(SourceFingerprint.Kind.CONTENT, HexFormat.of().formatHex(digest.digest()), bytes,
                rows);
    }
}
