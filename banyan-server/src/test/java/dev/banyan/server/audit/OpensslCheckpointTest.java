package dev.banyan.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.banyan.ledger.NoteSignature;
import dev.banyan.ledger.NoteVerifier;
import dev.banyan.ledger.SignedNote;
import dev.banyan.server.BanyanServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The log's checkpoint signatures checked by OpenSSL, not by our code: Ed25519 with {@code pkeyutl -rawin}, SM2 with
 * SM3 and the default distinguishing ID. In CI, where OpenSSL 3 is installed, a missing openssl fails the test.
 */
@BanyanServerTest
class OpensslCheckpointTest {

    @Autowired
    EvidenceLog log;

    @TempDir
    Path dir;

    @Test
    void opensslVerifiesBothSignaturesOfARealCheckpoint() throws Exception {
        boolean ci = System.getenv("CI") != null || System.getenv("BANYAN_REQUIRE_BROWSER") != null;
        assumeTrue(ci || run("openssl", "version") == 0, "openssl is not installed");
        log.append(Evidence.of("test.openssl", "user:tester", "openssl:" + UUID.randomUUID(), Map.of()));
        SignedNote note = SignedNote.parse(log.publishCheckpoint().note());
        Path text = Files.writeString(dir.resolve("text.txt"), note.text(), StandardCharsets.UTF_8);
        List<NoteVerifier> keys = log.verifierKeys().stream().map(NoteVerifier::parse).toList();

        for (NoteVerifier key : keys) {
            NoteSignature signature = note.signatures().stream()
                    .filter(s -> s.keyName().equals(key.keyName()) && s.keyId() == key.keyId()).findFirst().orElseThrow();
            Path sig = Files.write(dir.resolve(key.algorithm() + ".sig"), signature.signature());
            Path pub = Files.writeString(dir.resolve(key.algorithm() + ".pem"), pem(key.publicKeyDer()));
            if (key.algorithm().equals("Ed25519")) {
                assertThat(run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin",
                        "-in", text.toString(), "-sigfile", sig.toString())).as("openssl Ed25519").isZero();
            } else {
                assumeTrue(run("openssl", "list", "-public-key-algorithms") == 0 && listsSm2(), "this openssl has no SM2");
                assertThat(run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin",
                        "-in", text.toString(), "-sigfile", sig.toString(), "-digest", "sm3",
                        "-pkeyopt", "distid:1234567812345678")).as("openssl SM2").isZero();
            }
            // And a flipped bit in the text is refused by openssl too.
            byte[] tampered = note.text().getBytes(StandardCharsets.UTF_8);
            tampered[0] ^= 1;
            Path bad = Files.write(dir.resolve("bad.txt"), tampered);
            List<String> command = key.algorithm().equals("Ed25519")
                    ? List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-in", bad.toString(), "-sigfile", sig.toString())
                    : List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-in", bad.toString(),
                            "-sigfile", sig.toString(), "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");
            assertThat(run(command.toArray(String[]::new))).as("openssl refuses a tampered %s checkpoint", key.algorithm()).isNotZero();
        }
    }

    private boolean listsSm2() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "list", "-public-key-algorithms").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.toUpperCase(java.util.Locale.ROOT).contains("SM2");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static int run(String... command) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(Arrays.asList(command)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
        } catch (IOException e) {
            return 127;   // not installed
        }
        p.waitFor(30, TimeUnit.SECONDS);
        return p.exitValue();
    }
}
