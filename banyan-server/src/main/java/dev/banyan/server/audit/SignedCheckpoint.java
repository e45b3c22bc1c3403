package dev.banyan.server.audit;

import java.time.Instant;

/**
 * A checkpoint of the evidence log (签名检查点): the tree size and root hash, signed as a C2SP signed note with
 * the log's Ed25519 key and its SM2 key. Anyone holding it can check any later checkpoint's consistency with it.
 *
 * @param size        entries covered
 * @param root        RFC 6962 root hash of those entries
 * @param note        the signed note, byte for byte as served at {@code /audit-log/checkpoint}
 * @param publishedAt when it was signed
 */
public record SignedCheckpoint(long size, byte[] root, String note, Instant publishedAt) {
}
