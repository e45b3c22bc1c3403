package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class KeySealTest {

    private static final byte[] MASTER = new byte[32];
    private static final String LABEL = "banyan checkpoint ed25519";

    static {
        new SecureRandom().nextBytes(MASTER);
    }

    @ParameterizedTest
    @EnumSource(KeySeal.Cipher.class)
    void sealsAndOpensAnEd25519Seed(KeySeal.Cipher cipher) {
        Ed25519NoteSigner signer = Ed25519NoteSigner.generate("gov.example/ledger");
        byte[] sealed = KeySeal.seal(MASTER, cipher, signer.seed(), LABEL);

        assertThat(Arrays.copyOf(sealed, 4)).isEqualTo("BKS1".getBytes(StandardCharsets.US_ASCII));
        assertThat(sealed[4]).isEqualTo((byte) cipher.id());
        assertThat(sealed).hasSize(4 + 1 + 12 + 32 + 16);
        assertThat(KeySeal.cipherOf(sealed)).isEqualTo(cipher);
        byte[] opened = KeySeal.open(MASTER, sealed, LABEL);
        assertThat(Ed25519NoteSigner.fromSeed("gov.example/ledger", opened).verifierKey()).isEqualTo(signer.verifierKey());
        // A fresh nonce every time.
        assertThat(KeySeal.seal(MASTER, cipher, signer.seed(), LABEL)).isNotEqualTo(sealed);
    }

    @ParameterizedTest
    @EnumSource(KeySeal.Cipher.class)
    void sealsAndOpensAnSm2Key(KeySeal.Cipher cipher) {
        Sm2NoteSigner signer = Sm2NoteSigner.generate("gov.example/ledger");
        byte[] sealed = KeySeal.seal(MASTER, cipher, signer.privateKeyPkcs8(), "banyan checkpoint sm2");
        byte[] opened = KeySeal.open(MASTER, sealed, "banyan checkpoint sm2");
        assertThat(Sm2NoteSigner.fromPkcs8("gov.example/ledger", opened).verifierKey()).isEqualTo(signer.verifierKey());
    }

    @ParameterizedTest
    @EnumSource(KeySeal.Cipher.class)
    void wrongMasterKeyIsRejected(KeySeal.Cipher cipher) {
        byte[] sealed = KeySeal.seal(MASTER, cipher, new byte[32], LABEL);
        byte[] other = MASTER.clone();
        other[31] ^= 1;
        assertThatThrownBy(() -> KeySeal.open(other, sealed, LABEL))
                .isInstanceOf(KeySealException.class)
                .hasMessageContaining("wrong master key, wrong label, or the sealed bytes were altered");
    }

    @ParameterizedTest
    @EnumSource(KeySeal.Cipher.class)
    void wrongLabelIsRejected(KeySeal.Cipher cipher) {
        byte[] sealed = KeySeal.seal(MASTER, cipher, new byte[32], LABEL);
        assertThatThrownBy(() -> KeySeal.open(MASTER, sealed, "banyan checkpoint sm2"))
                .isInstanceOf(KeySealException.class).hasMessageContaining("'banyan checkpoint sm2'");
    }

    @ParameterizedTest
    @EnumSource(KeySeal.Cipher.class)
    void everyTamperedByteIsRejected(KeySeal.Cipher cipher) {
        byte[] sealed = KeySeal.seal(MASTER, cipher, new byte[32], LABEL);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> KeySeal.open(MASTER, tampered, LABEL))
                    .as("byte %d flipped", i).isInstanceOf(KeySealException.class);
        }
        // Swapping the cipher id to the other cipher fails authentication too (the header is associated data).
        byte[] swapped = sealed.clone();
        swapped[4] = (byte) (cipher == KeySeal.Cipher.SM4_GCM ? KeySeal.Cipher.AES_256_GCM.id() : KeySeal.Cipher.SM4_GCM.id());
        assertThatThrownBy(() -> KeySeal.open(MASTER, swapped, LABEL)).isInstanceOf(KeySealException.class);
    }

    @Test
    void rejectsWhatIsNotASealedKey() {
        assertThatThrownBy(() -> KeySeal.open(MASTER, "-----BEGIN PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII), LABEL))
                .isInstanceOf(KeySealException.class).hasMessageContaining("not a sealed key");
        assertThatThrownBy(() -> KeySeal.open(MASTER, new byte[] {'B', 'K', 'S', '1', 9, 0, 0}, LABEL))
                .isInstanceOf(KeySealException.class).hasMessageContaining("unknown cipher id 9");
        byte[] sealed = KeySeal.seal(MASTER, KeySeal.Cipher.SM4_GCM, new byte[32], LABEL);
        assertThatThrownBy(() -> KeySeal.open(MASTER, Arrays.copyOf(sealed, 20), LABEL))
                .isInstanceOf(KeySealException.class).hasMessageContaining("truncated");
    }

    @Test
    void masterKeyMustBeKeyMaterial() {
        assertThatThrownBy(() -> KeySeal.seal(new byte[8], KeySeal.Cipher.AES_256_GCM, new byte[32], LABEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
        // Any length from 16 up works.
        byte[] longMaster = new byte[100];
        byte[] sealed = KeySeal.seal(longMaster, KeySeal.Cipher.SM4_GCM, new byte[] {1, 2, 3}, LABEL);
        assertThat(KeySeal.open(longMaster, sealed, LABEL)).containsExactly(1, 2, 3);
    }

    @Test
    void theTwoCiphersUseUnrelatedKeys() {
        byte[] sealed = KeySeal.seal(MASTER, KeySeal.Cipher.AES_256_GCM, new byte[0], LABEL);
        assertThat(KeySeal.open(MASTER, sealed, LABEL)).isEmpty();
    }
}
