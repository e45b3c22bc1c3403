package dev.banyan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.ledger.TlogProof;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;

/** {@code ./banyan audit verify | prove | check} against a running server, as an outsider would run them. */
@BanyanServerTest
class AuditCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLog log;

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private Run banyan(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new BanyanCommandLine()).execute(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void verifiesTheLogProvesAnEntryAndChecksTheReceiptOffline() throws Exception {
        LoggedEntry e = log.append(Evidence.of("test.cli", "user:cli", "cli:" + UUID.randomUUID(), Map.of()));
        log.publishCheckpoint();
        String url = "http://localhost:" + port;
        Path saved = dir.resolve("checkpoint.txt");

        Run first = banyan("audit", "verify", "--url", url, "--entries", "--save", saved.toString());
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("signature verified", "(Ed25519)", "(SM2)", "re-hashed to the signed root", "The log verifies");

        log.append(Evidence.of("test.cli", "user:cli", "cli:" + UUID.randomUUID(), Map.of()));
        log.publishCheckpoint();
        Run second = banyan("audit", "verify", "--url", url, "--checkpoint", saved.toString(),
                "--key", log.verifierKeys().getFirst());
        assertThat(second.exit()).as(second.out()).isZero();
        assertThat(second.out()).contains("consistent with the older checkpoint");

        Run proved = banyan("audit", "prove", "--url", url, String.valueOf(e.index()));
        assertThat(proved.exit()).as(proved.out()).isZero();
        Path receipt = dir.resolve("entry.tlog-proof");
        Files.writeString(receipt, proved.out());
        Run checked = banyan("audit", "check", receipt.toString(), "--key", log.verifierKeys().get(1));
        assertThat(checked.exit()).as(checked.out()).isZero();
        assertThat(checked.out()).contains("entry " + e.index() + " is in the signed log");

        TlogProof genuine = TlogProof.parse(proved.out());
        byte[] altered = new String(genuine.extra(), StandardCharsets.UTF_8).replace("user:cli", "user:evil").getBytes(StandardCharsets.UTF_8);
        Files.writeString(receipt, new TlogProof(altered, genuine.index(), genuine.path(), genuine.checkpoint()).format());
        assertThat(banyan("audit", "check", receipt.toString(), "--key", log.verifierKeys().getFirst()).exit()).isEqualTo(1);
    }
}
