package dev.banyan.server.audit;

import java.time.Instant;

/**
 * An entry of the evidence log (存证记录) as stored and served: its position, its exact bytes (canonical JSON,
 * RFC 8785) and the fields read from them.
 *
 * @param index    position in the log, from 0
 * @param type     what happened
 * @param actor    who did it
 * @param subject  what it happened to
 * @param time     when it was recorded
 * @param digest   {@code sha256:<hex>} of the payload's canonical JSON
 * @param bytes    the entry exactly as hashed into the log
 * @param leafHash its RFC 6962 leaf hash, SHA-256(0x00 ‖ bytes)
 */
public record LoggedEntry(long index, String type, String actor, String subject, Instant time, String digest,
                          byte[] bytes, byte[] leafHash) {

    /** The entry as text (it is UTF-8 JSON). */
    public String json() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
