package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks note signatures with OpenSSL 3, an implementation independent of Bouncy Castle (transparency-log.md
 * §11, credentials.md §5). Skipped when openssl is missing or has no SM2.
 */
class OpensslInteropTest {

    private static final String DISTID = "distid:1234567812345678";

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenssl() {
        Result version = run(List.of("openssl", "version"));
        assumeTrue(version.exit == 0 && version.output.startsWith("OpenSSL 3"), "OpenSSL 3 not on the PATH");
        Result algorithms = run(List.of("openssl", "list", "-public-key-algorithms"));
        assumeTrue(algorithms.exit == 0 && algorithms.output.toLowerCase().contains("sm2"), "OpenSSL without SM2");
    }

    @Test
    void opensslVerifiesTheEd25519Signature() throws IOException {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed("example.com/log", Ed25519NoteSignerTest.referenceSeed());
        SignedNote note = new Checkpoint("example.com/log", 7, CheckpointTest.ROOT7).sign(List.of(signer));
        Path pub = write("ed.pem", NoteVerifier.parse(signer.verifierKey()).publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        Path text = write("text.txt", note.text().getBytes(StandardCharsets.UTF_8));
        Path sig = write("sig.bin", note.signatures().get(0).signature());

        assertThat(verify(pub, text, sig)).isEqualTo(0);
        Path tampered = write("tampered.txt", note.text().replace("\n7\n", "\n8\n").getBytes(StandardCharsets.UTF_8));
        assertThat(verify(pub, tampered, sig)).isNotEqualTo(0);
    }

    @Test
    void opensslVerifiesTheSm2Signature() throws IOException {
        Sm2NoteSigner signer = Sm2NoteSigner.generate("gov.example/ledger");
        SignedNote note = SignedNote.sign("gov.example/ledger\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", List.of(signer));
        Path pub = write("sm2.pem", NoteVerifier.parse(signer.verifierKey()).publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        Path text = write("text.txt", note.text().getBytes(StandardCharsets.UTF_8));
        Path sig = write("sig.der", note.signatures().get(0).signature());

        assertThat(verify(pub, text, sig, "-digest", "sm3", "-pkeyopt", DISTID)).isEqualTo(0);
        Path tampered = write("tampered.txt", note.text().replace("\n1\n", "\n2\n").getBytes(StandardCharsets.UTF_8));
        assertThat(verify(pub, tampered, sig, "-digest", "sm3", "-pkeyopt", DISTID)).isNotEqualTo(0);
    }

    @Test
    void anOpensslSm2KeySignsNotesThatOpensslAndBanyanVerify() throws IOException {
        Path priv = dir.resolve("priv.pem");
        assertThat(run(List.of("openssl", "genpkey", "-algorithm", "SM2", "-out", priv.toString())).exit).isEqualTo(0);
        Path der = dir.resolve("priv.der");
        assertThat(run(List.of("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", priv.toString(), "-outform", "DER",
                "-out", der.toString())).exit).isEqualTo(0);
        Sm2NoteSigner signer = Sm2NoteSigner.fromPkcs8("gov.example/ledger", Files.readAllBytes(der));

        // Banyan signs, OpenSSL verifies with the public key derived by OpenSSL itself.
        Path pub = dir.resolve("pub.pem");
        assertThat(run(List.of("openssl", "pkey", "-in", priv.toString(), "-pubout", "-out", pub.toString())).exit).isEqualTo(0);
        byte[] opensslSpki = pemBody(Files.readString(pub));
        assertThat(signer.publicKeyDer()).isEqualTo(opensslSpki);
        String textValue = "gov.example/ledger\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        Path text = write("text.txt", textValue.getBytes(StandardCharsets.UTF_8));
        Path sig = write("sig.der", signer.sign(textValue.getBytes(StandardCharsets.UTF_8)));
        assertThat(verify(pub, text, sig, "-digest", "sm3", "-pkeyopt", DISTID)).isEqualTo(0);

        // OpenSSL signs, Banyan verifies the note line built from it.
        Path opensslSig = dir.resolve("openssl.sig");
        Result signed = run(List.of("openssl", "pkeyutl", "-sign", "-inkey", priv.toString(), "-rawin", "-in", text.toString(),
                "-digest", "sm3", "-pkeyopt", DISTID, "-out", opensslSig.toString()));
        assertThat(signed.exit).as(signed.output).isEqualTo(0);
        SignedNote note = new SignedNote(textValue,
                List.of(new NoteSignature(signer.keyName(), signer.keyId(), Files.readAllBytes(opensslSig))));
        assertThat(SignedNote.parse(note.format()).verify(List.of(NoteVerifier.parse(signer.verifierKey())))).hasSize(1);
    }

    private int verify(Path pub, Path text, Path sig, String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(),
                "-rawin", "-in", text.toString(), "-sigfile", sig.toString()));
        command.addAll(List.of(options));
        Result result = run(command);
        if (result.exit == 0) {
            assertThat(result.output).contains("Signature Verified Successfully");
        }
        return result.exit;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
