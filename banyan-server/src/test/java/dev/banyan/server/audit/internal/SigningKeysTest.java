package dev.banyan.server.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.ledger.KeySeal;
import dev.banyan.ledger.NoteSigner;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.platform.BanyanSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The signing keys stay sealed at rest, survive restarts, and move to a new master key or cipher without changing. */
@BanyanServerTest
class SigningKeysTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BanyanSettings settings;

    @Autowired
    AuditSettings audit;

    @Autowired
    SigningKeys running;

    private SigningKeys load(byte[] master, byte[] previous, KeySeal.Cipher cipher) {
        return SigningKeys.loadOrCreate(jdbc, transactions, audit.origin(), master, previous, cipher, Clock.systemUTC());
    }

    private static List<String> vkeys(SigningKeys keys) {
        return keys.signers().stream().map(NoteSigner::verifierKey).toList();
    }

    @Test
    void theMasterKeyIsRotatedByResealingTheSameSigningKeys() {
        byte[] master = MasterKey.load(null, settings.dataDir().resolve("keys/audit-master.key"));
        byte[] next = new byte[32];
        new SecureRandom().nextBytes(next);
        List<String> before = vkeys(running);
        assertThat(jdbc.sql("select sealed_private from audit.signing_key where retired_at is null").query(byte[].class).list())
                .allSatisfy(sealed -> assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("BKS1"));
        try {
            assertThat(vkeys(load(next, master, KeySeal.Cipher.AES_256_GCM))).isEqualTo(before);
            assertThat(vkeys(load(next, null, KeySeal.Cipher.AES_256_GCM))).isEqualTo(before);
            assertThatThrownBy(() -> load(master, null, KeySeal.Cipher.SM4_GCM))
                    .hasMessageContaining("BANYAN_AUDIT_PREVIOUS_MASTER_KEY");
        } finally {
            assertThat(vkeys(load(master, next, audit.keySeal()))).isEqualTo(before);
        }
        assertThat(vkeys(load(master, null, audit.keySeal()))).isEqualTo(before);
    }

    @Test
    void anotherOriginIsRefusedWithTheWayOut() {
        byte[] master = MasterKey.load(null, settings.dataDir().resolve("keys/audit-master.key"));
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(jdbc, transactions, "elsewhere.example/log", master, null,
                audit.keySeal(), Clock.systemUTC()))
                .hasMessageContaining("keeps its origin for life").hasMessageContaining("BANYAN_AUDIT_ORIGIN=" + audit.origin());
    }
}
