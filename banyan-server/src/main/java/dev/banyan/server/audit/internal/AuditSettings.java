package dev.banyan.server.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the evidence log, bound from {@code banyan.audit.*} (e.g. {@code BANYAN_AUDIT_ORIGIN}).
 *
 * @param origin             the log's name in its checkpoints: the public URL of {@code /audit-log} without scheme;
 *                           fixed for the life of the log, since checkpoints and keys are bound to it
 * @param masterKey          base64 master key that seals the signing keys (from a secret store); wins over the file
 * @param previousMasterKey  base64 master key the signing keys were sealed with before a rotation; they are re-sealed
 *                           under {@code masterKey} at start, after which it can be removed
 * @param masterKeyFile      file holding the master key; created (mode 600) on first start if missing
 * @param keySeal            cipher that seals the signing keys: {@code SM4_GCM} (national) or {@code AES_256_GCM}
 * @param checkpointInterval how often to publish a checkpoint when there are new entries
 * @param maxBatch           most entries sequenced in one transaction
 * @param tileCacheTiles     full tiles kept in memory for proofs (8 KiB each)
 */
@ConfigurationProperties("banyan.audit")
record AuditSettings(@DefaultValue("banyan.local/audit-log") String origin, String masterKey, String previousMasterKey, Path masterKeyFile,
                     @DefaultValue("SM4_GCM") dev.banyan.ledger.KeySeal.Cipher keySeal,
                     @DefaultValue("1s") Duration checkpointInterval, @DefaultValue("4096") int maxBatch,
                     @DefaultValue("8192") int tileCacheTiles) {
}
