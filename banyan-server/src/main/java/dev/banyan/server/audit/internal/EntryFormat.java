package dev.banyan.server.audit.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.ledger.Rfc6962;
import dev.banyan.server.audit.LoggedEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes of an evidence-log entry: canonical JSON (RFC 8785) of
 * {@code {"actor","digest","subject","time","type","v":1}}, where the digest is {@code sha256:<hex>} of the
 * payload's canonical JSON. Canonical, so that anyone can rebuild the exact bytes from the fields.
 */
final class EntryFormat {

    static final int VERSION = 1;
    /** Entry bundles prefix each entry with a 16-bit length. */
    static final int MAX_ENTRY_BYTES = 65_535;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryFormat() {
    }

    static String payloadJson(Map<String, ?> payload) {
        return CanonicalJson.write(payload);
    }

    static String digest(String payloadJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(payloadJson.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] entry(String type, String actor, String subject, Instant time, String payloadJson) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", type);
        entry.put("actor", actor);
        entry.put("subject", subject);
        entry.put("time", time.truncatedTo(ChronoUnit.MILLIS).toString());
        entry.put("digest", digest(payloadJson));
        entry.put("v", VERSION);
        byte[] bytes = CanonicalJson.utf8(entry);
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("an evidence entry may have at most " + MAX_ENTRY_BYTES
                    + " bytes; this one of type " + type + " has " + bytes.length + " — shorten its actor or subject");
        }
        return bytes;
    }

    /** Reads an entry's fields; an entry that is not Banyan's JSON is still returned, with its fields empty. */
    static LoggedEntry read(long index, byte[] bytes) {
        byte[] leafHash = Rfc6962.leafHash(bytes);
        try {
            JsonNode node = JSON.readTree(bytes);
            String time = text(node, "time");
            return new LoggedEntry(index, text(node, "type"), text(node, "actor"), text(node, "subject"),
                    time.isEmpty() ? null : Instant.parse(time), text(node, "digest"), bytes, leafHash);
        } catch (RuntimeException e) {
            return new LoggedEntry(index, "", "", "", null, "", bytes, leafHash);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
