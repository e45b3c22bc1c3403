package dev.banyan.server.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.ledger.LogVerifier;
import dev.banyan.ledger.NoteVerifier;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.LoggedEntry;
import dev.banyan.server.platform.DatabaseInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An acknowledged entry survives {@code kill -9} of the node that appended it: another JVM appends to the shared log
 * and is killed mid-stream; every entry it was told was logged is there, nothing is there twice, the log still
 * re-hashes to a signed root, and this node goes on appending where the dead one stopped.
 */
@BanyanServerTest
class DurabilityTest {

    @Autowired
    TiledEvidenceLog log;

    @Autowired
    LogStore store;

    @Autowired
    DatabaseInfo database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void acknowledgedEntriesSurviveKillMinus9() throws Exception {
        String run = UUID.randomUUID().toString();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AppendingProcess.class.getName(), database.jdbcUrl(), database.user(), run)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<Long, String> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (acknowledged.size() < 2000 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ack")) {
                    acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
            child.destroyForcibly();   // SIGKILL, mid-stream: no shutdown hook, no last flush
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThan(100);
        System.out.printf("DurabilityTest: %d acknowledged entries before kill -9%n", acknowledged.size());

        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
            LoggedEntry entry = log.entry(ack.getKey()).orElseThrow(() -> new AssertionError("acknowledged entry " + ack.getKey() + " is lost"));
            assertThat(entry.subject()).isEqualTo(ack.getValue());
        }
        List<String> subjects = jdbc.sql("select subject from audit.entry_index where subject like ?")
                .param("durability:" + run + ":%").query(String.class).list();
        Set<String> distinct = new HashSet<>(subjects);
        assertThat(distinct).hasSameSizeAs(subjects).containsAll(acknowledged.values());

        // This node takes over: its next append lands after everything the dead node committed.
        long sizeAfterKill = store.state().size();
        LoggedEntry next = log.append(Evidence.of("test.durability", "process:parent", "durability:" + run + ":after", Map.of()));
        assertThat(next.index()).isGreaterThanOrEqualTo(sizeAfterKill);
        log.publishCheckpoint();
        List<NoteVerifier> keys = log.verifierKeys().stream().map(NoteVerifier::parse).toList();
        LogVerifier.Report report = new LogVerifier(new StoredTiledLog(log, store), keys).verify(null, true, n -> { });
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(log.search(new EntryQuery(null, "process:parent", null, null, null, null, 5))).isNotEmpty();
    }
}
