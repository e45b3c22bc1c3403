package dev.banyan.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals the log's signing keys at rest (主密钥). Taken from {@code BANYAN_AUDIT_MASTER_KEY} (base64)
 * when set — where a secret store or HSM should supply it — else from a file, which is created with 32 random bytes
 * and mode 600 on first start so that a pilot runs without set-up.
 */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    static byte[] load(String base64, Path file) {
        if (base64 != null && !base64.isBlank()) {
            return decode(base64.strip(), "BANYAN_AUDIT_MASTER_KEY");
        }
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the operator protects it
            }
            log.warn("Created the evidence log's master key in {} — keep a copy apart from the database; "
                    + "in production supply it as BANYAN_AUDIT_MASTER_KEY", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the evidence log's master key file " + file, e);
        }
    }

    static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The evidence log's master key in " + where + " is not base64: " + e.getMessage()
                    + ". Generate one with: head -c 32 /dev/urandom | base64");
        }
        if (key.length < 16) {
            throw new IllegalStateException("The evidence log's master key in " + where + " has " + key.length
                    + " bytes; it needs at least 16 (32 recommended). Generate one with: head -c 32 /dev/urandom | base64");
        }
        return key;
    }
}
