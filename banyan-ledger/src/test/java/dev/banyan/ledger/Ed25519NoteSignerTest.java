package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ed25519NoteSignerTest {

    static final HexFormat HEX = HexFormat.of();

    /** Seed 00 01 … 1f of transparency-log.md §6. */
    static byte[] referenceSeed() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        return seed;
    }

    @Test
    void reproducesTheReferenceKey() {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed("example.com/log", referenceSeed());
        assertThat(HEX.formatHex(signer.publicKey()))
                .isEqualTo("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
        assertThat(signer.keyId()).isEqualTo(0xd455c521);
        assertThat(signer.verifierKey()).isEqualTo("example.com/log+d455c521+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4");
        assertThat(signer.seed()).isEqualTo(referenceSeed());
        assertThat(signer.verifier().algorithm()).isEqualTo("Ed25519");
    }

    @Test
    void reproducesTheReferenceCheckpointByteForByte() {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed("example.com/log", referenceSeed());
        Checkpoint checkpoint = new Checkpoint("example.com/log", 7,
                HEX.parseHex("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"));
        // 16 + 2 + 45 bytes; transparency-log.md §6 says "64 bytes", a miscount: the signature below only
        // reproduces over these 63.
        assertThat(checkpoint.text().getBytes(StandardCharsets.UTF_8)).hasSize(63);

        SignedNote note = checkpoint.sign(List.of(signer));

        assertThat(note.format()).isEqualTo("""
                example.com/log
                7
                3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=

                — example.com/log 1FXFIU3P+rvKG1qcogeLZsVAla7haUpg2PLFce6boN3qecT4mNZE8Cop/dYy4l2JHAy63Wq27GjG9mIlWMFRKPqo4wY=
                """);
        assertThat(SignedNote.parse(note.format()).verify(List.of(NoteVerifier.parse(signer.verifierKey()))))
                .containsExactly(signer.verifier());
    }

    @Test
    void reproducesGoSumdbNoteExample() {
        // golang.org/x/mod/sumdb/note documentation: skey PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 ‖ seed)>.
        byte[] typeAndSeed = Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed("PeterNeumann", Arrays.copyOfRange(typeAndSeed, 1, 33));
        String text = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";

        assertThat(signer.verifierKey()).isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(SignedNote.sign(text, List.of(signer)).format()).isEqualTo(text + "\n"
                + "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n");
    }

    @Test
    void generatedKeysSignAndVerify() {
        Ed25519NoteSigner signer = Ed25519NoteSigner.generate("banyan.example/log");
        byte[] message = "hello\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);
        assertThat(signature).hasSize(64);
        assertThat(signer.verifier().verify(message, signature)).isTrue();
        assertThat(signer.verifier().verify("hellO\n".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Ed25519NoteSigner.fromSeed("banyan.example/log", signer.seed()).verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(signer.toString()).contains(signer.verifierKey()).doesNotContain(Base64.getEncoder().encodeToString(signer.seed()));
    }

    @Test
    void rejectsBadSeedsAndNames() {
        assertThatThrownBy(() -> Ed25519NoteSigner.fromSeed("log", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, got 31");
        assertThatThrownBy(() -> Ed25519NoteSigner.generate("a+b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'+'");
        assertThatThrownBy(() -> Ed25519NoteSigner.generate("a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white space");
        assertThatThrownBy(() -> Ed25519NoteSigner.generate("a\u00a0b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+00A0");
        assertThatThrownBy(() -> Ed25519NoteSigner.generate(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
