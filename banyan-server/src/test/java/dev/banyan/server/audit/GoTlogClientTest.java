package dev.banyan.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.banyan.server.BanyanServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An existing tlog client checks the log without any Banyan code: Go's {@code golang.org/x/mod/sumdb/note} verifies
 * the checkpoint and {@code sumdb/tlog} proves and checks an entry and the consistency of an older size, reading the
 * public hash tiles ({@code src/test/go/tlogcheck}). CI installs Debian's golang-go and golang-golang-x-mod-dev and
 * requires this test; elsewhere it runs when {@code go} and the x/mod sources are there.
 */
@BanyanServerTest
class GoTlogClientTest {

    private static final Path GOPATH = Path.of("/usr/share/gocode");

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLog log;

    @Test
    void gosSumdbTlogVerifiesTheCheckpointAnEntryAndConsistency() throws Exception {
        boolean required = System.getenv("BANYAN_REQUIRE_BROWSER") != null;
        boolean available = run(List.of("go", "version")).exit() == 0 && Files.isDirectory(GOPATH.resolve("src/golang.org/x/mod/sumdb/tlog"));
        assumeTrue(required || available, "Go and golang.org/x/mod are not installed (apt-get install golang-go golang-golang-x-mod-dev)");
        for (int i = 0; i < 300; i++) {
            log.append(Evidence.of("test.go", "user:tester", "go:" + UUID.randomUUID(), Map.of("i", i)));
        }
        long size = log.publishCheckpoint().size();
        for (long[] indexAndOld : new long[][] {{0, 1}, {size - 1, size - 270}, {size / 2, 256}}) {
            Result go = run(List.of("go", "run", "main.go", "http://localhost:" + port, log.verifierKeys().getFirst(),
                    String.valueOf(indexAndOld[0]), String.valueOf(indexAndOld[1])));
            assertThat(go.exit()).as(go.output()).isZero();
            assertThat(go.output()).contains("OK size=").contains("entry=" + indexAndOld[0]);
        }
        // A wrong key is refused by Go's note package.
        String other = "banyan.local/audit-log+00000000+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";
        assertThat(run(List.of("go", "run", "main.go", "http://localhost:" + port, other, "0", "1")).exit()).isNotZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("src/test/go/tlogcheck").toFile());
        builder.environment().put("GO111MODULE", "off");
        builder.environment().put("GOPATH", GOPATH.toString());
        builder.environment().putIfAbsent("GOCACHE", Path.of("target/go-cache").toAbsolutePath().toString());
        try {
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
    }
}
