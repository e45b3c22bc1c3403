package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NoteVerifierTest {

    static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    @Test
    void parsesTheSpecExampleKey() {
        NoteVerifier verifier = NoteVerifier.parse(SPEC_VKEY);
        assertThat(verifier.keyName()).isEqualTo("example.com/foo");
        assertThat(verifier.keyId()).isEqualTo(0x530d903a);
        assertThat(verifier.algorithm()).isEqualTo("Ed25519");
        assertThat(verifier.verifierKey()).isEqualTo(SPEC_VKEY);
        assertThat(HexFormat.of().formatHex(verifier.publicKeyDer()))
                .isEqualTo("302a300506032b6570032100" + "e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4");
        assertThat(verifier.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA");
        assertThat(verifier).isEqualTo(NoteVerifier.parse(SPEC_VKEY)).hasSameHashCodeAs(NoteVerifier.parse(SPEC_VKEY));
    }

    @Test
    void acceptsUpperCaseKeyIdLikeGo() {
        assertThat(NoteVerifier.parse("example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k").verifierKey())
                .isEqualTo(SPEC_VKEY);
    }

    @Test
    void rejectsAKeyIdThatDoesNotMatchTheKey() {
        assertThatThrownBy(() -> NoteVerifier.parse("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key ID 530d903b does not match").hasMessageContaining("530d903a");
        // Same key under another name: the name is part of the key ID.
        assertThatThrownBy(() -> NoteVerifier.parse("example.com/bar+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> NoteVerifier.parse("example.com/foo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<name>+<key id>+<key>");
        assertThatThrownBy(() -> NoteVerifier.parse("example.com/foo+530d90+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 hex digits");
        assertThatThrownBy(() -> NoteVerifier.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> NoteVerifier.parse("+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key name is empty");
        // 0x01 with 31 key bytes
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> NoteVerifier.parse("x+00000000+" + shortKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 key bytes");
        byte[] notAPoint = new byte[33];
        notAPoint[0] = 0x01;
        java.util.Arrays.fill(notAPoint, 1, 33, (byte) 0xff);
        assertThatThrownBy(() -> NoteVerifier.parse("x+00000000+" + Base64.getEncoder().encodeToString(notAPoint)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid Ed25519 public key");
        // 0x02 ECDSA and 0x04 cosignatures are not supported here.
        byte[] cosignature = new byte[33];
        cosignature[0] = 0x04;
        assertThatThrownBy(() -> NoteVerifier.parse("x+00000000+" + Base64.getEncoder().encodeToString(cosignature)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported signature type 0x04");
    }

    @Test
    void malformedSignaturesAreFalseNotExceptions() {
        NoteVerifier ed = NoteVerifier.parse(SPEC_VKEY);
        assertThat(ed.verify(new byte[] {1}, new byte[63])).isFalse();
        assertThat(ed.verify(new byte[] {1}, new byte[64])).isFalse();
        NoteVerifier sm2 = Sm2NoteSigner.generate("sm2.example").verifier();
        assertThat(sm2.verify(new byte[] {1}, new byte[] {0x30, 0x00})).isFalse();
        assertThat(sm2.verify(new byte[] {1}, new byte[64])).isFalse();
    }
}
