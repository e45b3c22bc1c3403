package dev.banyan.server.audit.internal;

import dev.banyan.ledger.Ed25519NoteSigner;
import dev.banyan.ledger.KeySeal;
import dev.banyan.ledger.KeySealException;
import dev.banyan.ledger.NoteSigner;
import dev.banyan.ledger.Sm2NoteSigner;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's signing keys (签名密钥): one Ed25519 key, which every tlog client checks, and one SM2 key for
 * deployments bound to national cryptography. Created on first start, their private halves stored sealed under the
 * master key; the key name is the log's origin, as C2SP recommends.
 */
final class SigningKeys {

    static final String ED25519 = "Ed25519";
    static final String SM2 = "SM2";

    private final List<NoteSigner> signers;

    private SigningKeys(List<NoteSigner> signers) {
        this.signers = signers;
    }

    /**
     * Loads the active keys, creating any that is missing. A key sealed under {@code previousMasterKey} or with another
     * cipher is re-sealed under the current master key and cipher: that is how the master key is rotated.
     */
    static SigningKeys loadOrCreate(JdbcClient jdbc, TransactionTemplate transactions, String origin, byte[] masterKey,
                                    byte[] previousMasterKey, KeySeal.Cipher cipher, Clock clock) {
        return transactions.execute(tx -> {
            // Two nodes starting together must not both create keys.
            jdbc.sql("lock table audit.signing_key in exclusive mode").update();
            NoteSigner ed = load(jdbc, ED25519, origin, masterKey, previousMasterKey, cipher)
                    .orElseGet(() -> create(jdbc, Ed25519NoteSigner.generate(origin), ED25519, masterKey, cipher, clock));
            NoteSigner sm2 = load(jdbc, SM2, origin, masterKey, previousMasterKey, cipher)
                    .orElseGet(() -> create(jdbc, Sm2NoteSigner.generate(origin), SM2, masterKey, cipher, clock));
            return new SigningKeys(List.of(ed, sm2));
        });
    }

    private record Sealed(int id, String name, byte[] sealed) {
    }

    private static Optional<NoteSigner> load(JdbcClient jdbc, String algorithm, String origin, byte[] masterKey,
                                             byte[] previousMasterKey, KeySeal.Cipher cipher) {
        Optional<Sealed> row = jdbc.sql("select id, key_name, sealed_private from audit.signing_key where algorithm = ? and retired_at is null")
                .param(algorithm)
                .query((rs, n) -> new Sealed(rs.getInt(1), rs.getString(2), rs.getBytes(3)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String name = row.get().name();
        if (!name.equals(origin)) {
            throw new IllegalStateException("The evidence log's signing keys are for the origin " + name
                    + ", but banyan.audit.origin is " + origin + "; a log keeps its origin for life — "
                    + "set BANYAN_AUDIT_ORIGIN=" + name + " or start a new log");
        }
        String label = label(algorithm, name);
        byte[] secret;
        try {
            secret = KeySeal.open(masterKey, row.get().sealed(), label);
        } catch (KeySealException e) {
            if (previousMasterKey == null) {
                throw new IllegalStateException("The evidence log's " + algorithm + " signing key does not open with this "
                        + "master key (" + e.getMessage() + "). Supply the master key it was sealed with; to rotate the "
                        + "master key, set the old one as BANYAN_AUDIT_PREVIOUS_MASTER_KEY for one start.", e);
            }
            secret = KeySeal.open(previousMasterKey, row.get().sealed(), label);
        }
        boolean reseal = previousMasterKey != null || KeySeal.cipherOf(row.get().sealed()) != cipher;
        if (reseal) {
            jdbc.sql("update audit.signing_key set sealed_private = ? where id = ?")
                    .params(KeySeal.seal(masterKey, cipher, secret, label), row.get().id()).update();
        }
        return Optional.of(algorithm.equals(ED25519) ? Ed25519NoteSigner.fromSeed(name, secret) : Sm2NoteSigner.fromPkcs8(name, secret));
    }

    private static NoteSigner create(JdbcClient jdbc, NoteSigner signer, String algorithm, byte[] masterKey,
                                     KeySeal.Cipher cipher, Clock clock) {
        byte[] secret = signer instanceof Ed25519NoteSigner ed ? ed.seed() : ((Sm2NoteSigner) signer).privateKeyPkcs8();
        jdbc.sql("""
                insert into audit.signing_key (algorithm, key_name, verifier_key, sealed_private, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(algorithm, signer.keyName(), signer.verifierKey(),
                        KeySeal.seal(masterKey, cipher, secret, label(algorithm, signer.keyName())), Timestamp.from(clock.instant()))
                .update();
        return signer;
    }

    /** Binds a sealed key to its algorithm and name, so that one sealed key cannot be passed off as another. */
    private static String label(String algorithm, String keyName) {
        return "banyan audit signing key " + algorithm + " " + keyName;
    }

    /** Ed25519 first. */
    List<NoteSigner> signers() {
        return signers;
    }
}
