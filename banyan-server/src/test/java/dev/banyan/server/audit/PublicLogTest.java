package dev.banyan.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.ledger.Checkpoint;
import dev.banyan.ledger.EntryBundle;
import dev.banyan.ledger.HttpTiledLog;
import dev.banyan.ledger.LogVerifier;
import dev.banyan.ledger.NoteVerifier;
import dev.banyan.ledger.Rfc6962;
import dev.banyan.ledger.SignedNote;
import dev.banyan.server.BanyanServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The log as anyone sees it, over HTTP without a token: the C2SP tlog-tiles layout, checked with the same
 * verifier as {@code ./banyan audit verify}; and a stored entry edited in the database is caught and named.
 */
@BanyanServerTest
class PublicLogTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLog log;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpTiledLog remote() {
        return new HttpTiledLog(URI.create("http://localhost:" + port + "/audit-log"));
    }

    private void appendSome(int n) {
        for (int i = 0; i < n; i++) {
            log.append(Evidence.of("test.public", "user:tester", "public:" + UUID.randomUUID(), Map.of("i", i)));
        }
    }

    @Test
    void checkpointTilesAndEntriesAreServedWithoutSignInAndVerify() throws Exception {
        appendSome(260);
        log.publishCheckpoint();
        HttpResponse<byte[]> checkpoint = get("/audit-log/checkpoint");
        assertThat(checkpoint.statusCode()).isEqualTo(200);
        assertThat(checkpoint.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String vkey = new String(get("/audit-log/verifier-key").body()).strip();
        NoteVerifier ed25519 = NoteVerifier.parse(vkey);
        assertThat(ed25519.algorithm()).isEqualTo("Ed25519");
        Checkpoint c = Checkpoint.parse(SignedNote.parse(new String(checkpoint.body())).text());
        assertThat(SignedNote.parse(new String(checkpoint.body())).verify(List.of(ed25519))).containsExactly(ed25519);

        // The first full tile: 256 leaf hashes, each the hash of its entry in the bundle.
        byte[] tile = get("/audit-log/tile/0/000").body();
        assertThat(tile).hasSize(256 * 32);
        List<byte[]> entries = EntryBundle.decode(get("/audit-log/tile/entries/000").body());
        assertThat(entries).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(Rfc6962.leafHash(entries.get(i))).isEqualTo(Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
        }
        // Go's sumdb/tlog names the same tile with its height first.
        assertThat(get("/audit-log/tile/8/0/000").body()).isEqualTo(tile);
        // A partial tile at a width the log has; one beyond the log is not there.
        assertThat(get("/audit-log/tile/0/000.p/5").body()).isEqualTo(Arrays.copyOf(tile, 5 * 32));
        assertThat(get("/audit-log/tile/0/x999/999").statusCode()).isEqualTo(404);
        assertThat(get("/audit-log/tile/0/12").statusCode()).isEqualTo(404);

        LogVerifier.Report report = new LogVerifier(remote(), List.of(ed25519)).verify(null, true, n -> { });
        assertThat(report.problem()).isNull();
        assertThat(report.entriesChecked()).isEqualTo(c.size());
    }

    @Test
    void anOlderCheckpointIsProvedConsistentWithTheLatest() {
        appendSome(3);
        String older = log.publishCheckpoint().note();
        appendSome(40);
        log.publishCheckpoint();
        List<NoteVerifier> keys = log.verifierKeys().stream().map(NoteVerifier::parse).toList();
        LogVerifier.Report report = new LogVerifier(remote(), keys).verify(older, false, n -> { });
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.consistentFrom()).isEqualTo(Checkpoint.parse(SignedNote.parse(older).text()).size());
        assertThat(report.signedBy()).hasSize(2);
    }

    @Test
    void anEntryEditedInTheDatabaseFailsVerificationAtItsIndex() {
        appendSome(5);
        LoggedEntry victim = log.append(Evidence.of("test.public", "user:tester", "victim:" + UUID.randomUUID(), Map.of()));
        appendSome(5);
        log.publishCheckpoint();
        long tileIndex = victim.index() / 256;
        int position = (int) (victim.index() % 256);
        boolean full = jdbc.sql("select count(*) from audit.entry_tile where tile_index = ?").param(tileIndex).query(Long.class).single() > 0;
        String table = full ? "audit.entry_tile" : "audit.entry_segment";
        String key = full ? "tile_index" : "first_index";
        long keyValue = full ? tileIndex : jdbc.sql("select max(first_index) from audit.entry_segment where first_index <= ?")
                .param(victim.index()).query(Long.class).single();
        byte[] original = jdbc.sql("select entries from " + table + " where " + key + " = ?").param(keyValue).query(byte[].class).single();
        List<byte[]> entries = new java.util.ArrayList<>(EntryBundle.decode(original));
        int at = full ? position : (int) (victim.index() - keyValue);
        entries.set(at, new String(entries.get(at)).replace("user:tester", "user:someone").getBytes());
        jdbc.sql("update " + table + " set entries = ? where " + key + " = ?").params(EntryBundle.encode(entries), keyValue).update();
        try {
            List<NoteVerifier> keys = log.verifierKeys().stream().map(NoteVerifier::parse).toList();
            LogVerifier.Report report = new LogVerifier(remote(), keys).verify(null, true, n -> { });
            assertThat(report.ok()).isFalse();
            assertThat(report.firstBadIndex()).isEqualTo(victim.index());
            assertThat(report.problem()).contains("entry " + victim.index());
        } finally {
            jdbc.sql("update " + table + " set entries = ? where " + key + " = ?").params(original, keyValue).update();
        }
    }
}
