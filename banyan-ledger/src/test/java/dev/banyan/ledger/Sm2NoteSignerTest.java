package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class Sm2NoteSignerTest {

    private static final Sm2NoteSigner SIGNER = Sm2NoteSigner.generate("gov.example/ledger");
    private static final byte[] TEXT = "gov.example/ledger\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAndVerifies() {
        byte[] signature = SIGNER.sign(TEXT);
        assertThat(signature[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
        assertThat(SIGNER.verifier().verify(TEXT, signature)).isTrue();
        assertThat(SIGNER.verifier().algorithm()).isEqualTo("SM2");
        // SM2 is randomised.
        assertThat(SIGNER.sign(TEXT)).isNotEqualTo(signature);
    }

    @Test
    void wrongKeyAndTamperedTextFail() {
        byte[] signature = SIGNER.sign(TEXT);
        Sm2NoteSigner other = Sm2NoteSigner.generate("gov.example/ledger");
        assertThat(other.verifier().verify(TEXT, signature)).isFalse();
        byte[] tampered = TEXT.clone();
        tampered[19] = '4';
        assertThat(SIGNER.verifier().verify(tampered, signature)).isFalse();
    }

    @Test
    void verifierKeyUsesPrivateTypeFfSm2AndSpki() throws Exception {
        String vkey = SIGNER.verifierKey();
        String[] parts = vkey.split("\\+", 3);
        assertThat(parts[0]).isEqualTo("gov.example/ledger");
        byte[] typeAndKey = Base64.getDecoder().decode(parts[2]);
        assertThat(Arrays.copyOf(typeAndKey, 4)).containsExactly(0xff, 's', 'm', '2');
        assertThat(Arrays.copyOfRange(typeAndKey, 4, typeAndKey.length)).isEqualTo(SIGNER.publicKeyDer());

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("gov.example/ledger\n".getBytes(StandardCharsets.UTF_8));
        int expectedId = ByteBuffer.wrap(sha256.digest(typeAndKey)).getInt();
        assertThat(SIGNER.keyId()).isEqualTo(expectedId);
        assertThat(parts[1]).isEqualTo(String.format("%08x", expectedId));

        NoteVerifier parsed = NoteVerifier.parse(vkey);
        assertThat(parsed).isEqualTo(SIGNER.verifier());
        assertThat(parsed.verifierKey()).isEqualTo(vkey);
        assertThat(parsed.algorithm()).isEqualTo("SM2");
        assertThat(parsed.verify(TEXT, SIGNER.sign(TEXT))).isTrue();
    }

    @Test
    void pkcs8RoundTripKeepsTheKey() {
        Sm2NoteSigner reloaded = Sm2NoteSigner.fromPkcs8("gov.example/ledger", SIGNER.privateKeyPkcs8());
        assertThat(reloaded.verifierKey()).isEqualTo(SIGNER.verifierKey());
        assertThat(reloaded.publicKeyDer()).isEqualTo(SIGNER.publicKeyDer());
        assertThat(SIGNER.verifier().verify(TEXT, reloaded.sign(TEXT))).isTrue();
        assertThat(SIGNER.toString()).contains(SIGNER.verifierKey());
    }

    @Test
    void rejectsKeysOnOtherCurves() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var p256 = generator.generateKeyPair();
        assertThatThrownBy(() -> Sm2NoteSigner.fromPkcs8("x", p256.getPrivate().getEncoded()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sm2p256v1");
        assertThatThrownBy(() -> Sm2NoteSigner.fromPkcs8("x", new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");

        byte[] spki = p256.getPublic().getEncoded();
        byte[] typeAndKey = new byte[4 + spki.length];
        System.arraycopy(new byte[] {(byte) 0xff, 's', 'm', '2'}, 0, typeAndKey, 0, 4);
        System.arraycopy(spki, 0, typeAndKey, 4, spki.length);
        String vkey = "x+" + String.format("%08x", KeyId.of("x", typeAndKey)) + "+" + Base64.getEncoder().encodeToString(typeAndKey);
        assertThatThrownBy(() -> NoteVerifier.parse(vkey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SM2 curve");
    }

    @Test
    void signsNotesWithALongerLine() {
        SignedNote note = SignedNote.sign("hello\n", List.of(SIGNER));
        assertThat(note.format()).startsWith("hello\n\n— gov.example/ledger ");
        assertThat(SignedNote.parse(note.format()).verify(List.of(NoteVerifier.parse(SIGNER.verifierKey()))))
                .containsExactly(SIGNER.verifier());
    }
}
