package dev.banyan.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.ledger.Checkpoint;
import dev.banyan.ledger.ConsistencyProof;
import dev.banyan.ledger.InclusionProof;
import dev.banyan.ledger.LogVerifier;
import dev.banyan.ledger.NoteVerifier;
import dev.banyan.ledger.ProofException;
import dev.banyan.ledger.SignedNote;
import dev.banyan.server.BanyanServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Appending, reading, proving and receipts of the evidence log on the real database. */
@BanyanServerTest
class EvidenceLogTest {

    @Autowired
    EvidenceLog log;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private List<NoteVerifier> keys() {
        return log.verifierKeys().stream().map(NoteVerifier::parse).toList();
    }

    @Test
    void appendedEntriesAreReadBackExactlyAndProvedInSignedCheckpoints() throws Exception {
        String subject = "test:" + UUID.randomUUID();
        LoggedEntry first = log.append(Evidence.of("test.appended", "user:tester", subject, Map.of("n", 1, "name", "张三")));
        SignedCheckpoint before = log.publishCheckpoint();
        try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {   // concurrent, as requests are
            List<Future<LoggedEntry>> more = new ArrayList<>();
            for (int i = 0; i < 300; i++) {   // crosses a 256-entry tile boundary
                int n = i;
                more.add(appenders.submit(() -> log.append(Evidence.of("test.appended", "user:tester", subject, Map.of("n", n)))));
            }
            for (Future<LoggedEntry> f : more) {
                f.get();
            }
        }
        SignedCheckpoint after = log.publishCheckpoint();

        LoggedEntry read = log.entry(first.index()).orElseThrow();
        assertThat(read.bytes()).isEqualTo(first.bytes());
        assertThat(read.json()).startsWith("{\"actor\":\"user:tester\",\"digest\":\"sha256:")
                .contains("\"subject\":\"" + subject + "\"", "\"type\":\"test.appended\"", "\"v\":1");
        assertThat(log.payload(first.index())).contains("{\"n\":1,\"name\":\"张三\"}");

        // Signed by both keys, Ed25519 and SM2.
        assertThat(SignedNote.parse(after.note()).verify(keys())).hasSize(2);
        Checkpoint c = Checkpoint.parse(SignedNote.parse(after.note()).text());
        assertThat(c.size()).isEqualTo(after.size());
        assertThat(c.origin()).isEqualTo(log.origin());

        for (LoggedEntry e : log.search(new EntryQuery("test.appended", null, subject, null, null, null, 500))) {
            assertThat(InclusionProof.verify(e.index(), after.size(), e.leafHash(), log.inclusionProof(e.index(), after.size()), after.root()))
                    .as("entry %d", e.index()).isTrue();
        }
        assertThat(ConsistencyProof.verify(before.size(), after.size(), before.root(), after.root(),
                log.consistencyProof(before.size(), after.size()))).isTrue();
        assertThat(log.indexOfLeafHash(first.leafHash())).contains(first.index());
    }

    @Test
    void aReceiptProvesItsEntryOfflineAndATamperedOneFails() {
        LoggedEntry e = log.append(Evidence.of("test.receipt", "client:abc", "call:" + UUID.randomUUID(), Map.of("rows", 3)));
        String receipt = log.receipt(e.index());
        assertThat(receipt).startsWith("c2sp.org/tlog-proof@v1\nextra ");
        Checkpoint proved = LogVerifier.verifyReceipt(receipt, keys());
        assertThat(proved.size()).isGreaterThan(e.index());

        String forged = receipt.replace("index " + e.index() + "\n", "index " + (e.index() + 1) + "\n");
        assertThatThrownBy(() -> LogVerifier.verifyReceipt(forged, keys())).isInstanceOf(ProofException.class);
    }

    @Test
    void evidenceRecordedInATransactionIsLoggedOnlyIfItCommits() throws Exception {
        String committed = "tx:" + UUID.randomUUID();
        String rolledBack = "tx:" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> log.record(Evidence.of("test.recorded", "user:tester", committed, Map.of())));
        transactions.executeWithoutResult(tx -> {
            log.record(Evidence.of("test.recorded", "user:tester", rolledBack, Map.of()));
            tx.setRollbackOnly();
        });
        List<LoggedEntry> found = await(committed, 1);
        assertThat(found).singleElement().extracting(LoggedEntry::type).isEqualTo("test.recorded");
        assertThat(log.search(new EntryQuery(null, null, rolledBack, null, null, null, 10))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit.outbox where subject = ?").param(rolledBack).query(Long.class).single()).isZero();
    }

    @Test
    void searchFiltersByTypePrefixActorAndTime() {
        String subject = "search:" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(1);
        log.append(Evidence.of("test.search.one", "user:alice", subject, Map.of()));
        log.append(Evidence.of("test.search.two", "user:bob", subject, Map.of()));
        assertThat(log.search(new EntryQuery("test.search.", null, subject, null, null, null, 10))).hasSize(2);
        assertThat(log.search(new EntryQuery(null, "user:bob", subject, null, null, null, 10)))
                .singleElement().extracting(LoggedEntry::type).isEqualTo("test.search.two");
        assertThat(log.search(new EntryQuery(null, null, subject, start, null, null, 10))).hasSize(2);
        assertThat(log.search(new EntryQuery(null, null, subject, null, start, null, 10))).isEmpty();
    }

    @Test
    void badEvidenceIsRefusedAndNothingIsAppended() {
        String subject = "bad:" + UUID.randomUUID();
        assertThatThrownBy(() -> Evidence.of("Not A Type", "user:x", subject, Map.of())).hasMessageContaining("dotted lower-case");
        assertThatThrownBy(() -> Evidence.of("test.ok", " ", subject, Map.of())).hasMessageContaining("actor");
        assertThatThrownBy(() -> log.append(Evidence.of("test.big", "user:x", subject + "s".repeat(70_000), Map.of())))
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> log.append(Evidence.of("test.float", "user:x", subject, Map.of("x", Double.NaN))));
        assertThat(log.search(new EntryQuery(null, "user:x", null, null, null, null, 10)))
                .noneMatch(e -> e.subject().startsWith(subject));
    }

    private List<LoggedEntry> await(String subject, int count) throws InterruptedException {
        assertThat(log.awaitRecorded(Duration.ofSeconds(10))).as("evidence sequenced").isTrue();
        return log.search(new EntryQuery(null, null, subject, null, null, null, Math.max(count, 10)));
    }
}
