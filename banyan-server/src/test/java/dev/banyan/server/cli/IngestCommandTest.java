package dev.banyan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code banyan ingest} starts the server's context on its own data directory (a fresh embedded PostgreSQL here)
 * without a web server, and answers; a source that is not there is a failed batch, reported in one line.
 */
class IngestCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsJobsAndReportsAFailedSourceOnAFreshDataDirectory() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int listed;
        int missing;
        try {
            CommandLine cli = new CommandLine(new BanyanCommandLine());
            listed = cli.execute("ingest", "--jobs", "--data-dir", dir.toString());
            missing = cli.execute("ingest", "no-such-resource", dir.resolve("none.csv").toString(), "--data-dir",
                    dir.toString());
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(listed).isZero();
        assertThat(printed).contains("No ingest jobs / 暂无采集任务");
        assertThat(missing).isNotZero();
    }
}
