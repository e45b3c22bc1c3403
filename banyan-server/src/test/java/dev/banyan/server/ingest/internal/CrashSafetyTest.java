package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestFixtures;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.platform.DatabaseInfo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} in the middle of a batch, then the same file again: every row exactly once, one LANDED batch, and
 * nothing of the killed batch anywhere. Also prints landing speed beside a plain {@code COPY} of the same file.
 */
@BanyanServerTest
class CrashSafetyTest {

    static final int ROWS = 400_000;

    @TempDir
    Path dir;

    @Autowired
    Ingestion ingestion;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    DatabaseInfo database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void killMinus9MidBatchThenRerunLandsEveryRowExactlyOnce() throws Exception {
        Resource r = IngestFixtures.resource(directory, catalog, "record_id", "姓名", "身份证号码", "住址", "电话");
        Path file = dir.resolve("people.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("record_id,姓名,身份证号码,住址,电话\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write("R" + i + ",姓名" + (i % 997) + ",3501021974" + String.format("%08d", i) + ",福州市鼓楼区东街"
                        + (i % 300) + "号," + (13800000000L + i) + "\n");
            }
        }
        String fields = String.join(",", r.fields().stream().map(ResourceField::name).toList());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                LandingProcess.class.getName(), database.jdbcUrl(), database.user(), r.code(), fields, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long reported = 0;
        boolean done = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while (reported < 50_000 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("progress ")) {
                    reported = Long.parseLong(line.substring(9));
                } else if (line.startsWith("done")) {
                    done = true;
                    break;
                }
            }
            child.destroyForcibly();   // SIGKILL mid-batch: the COPY never ends, the transaction never commits
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(done).as("the child was killed before it finished").isFalse();
        assertThat(reported).isGreaterThanOrEqualTo(50_000).isLessThan(ROWS);
        System.out.printf("CrashSafetyTest: child killed after reporting %,d of %,d rows%n", reported, ROWS);

        String table = RawTable.of(r.code(), List.of()).qualifiedName();
        // Nothing of the killed batch is visible (its transaction died with its connection).
        assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).isZero();
        assertThat(ingestion.batches(r.code())).isEmpty();
        String standard = "std.\"" + RawTable.tableName(r.code()) + "\"";
        assertThat(jdbc.sql("select count(*) from " + standard).query(Long.class).single()).isZero();
        assertThat(ingestion.quarantineCount(r.code(), null)).isZero();

        long start = System.nanoTime();
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "rerun", n -> { });
        double landSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(result.batch().rowsLanded()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*), count(distinct _row), count(distinct record_id), min(_row), max(_row),"
                        + " count(distinct _batch) from " + table)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)}).single())
                .containsExactly(ROWS, ROWS, ROWS, 1, ROWS, 1);
        assertThat(ingestion.batches(r.code())).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(IngestBatch.Status.LANDED));
        // governed once: every row standardised exactly once (the rows are distinct), none quarantined
        assertThat(result.batch().rowsStandardised() + result.batch().rowsQuarantined()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*) from " + standard).query(Long.class).single())
                .isEqualTo(result.batch().rowsStandardised());
        assertThat(ingestion.quarantineCount(r.code(), null)).isEqualTo(result.batch().rowsQuarantined());
        assertThat(ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "rerun", n -> { }).outcome())
                .isEqualTo(IngestResult.Outcome.ALREADY_LANDED);

        // Baseline: plain COPY of the same file into an untyped table, in the same run.
        String baseline = "public.copy_baseline_" + System.nanoTime();
        jdbc.sql("create table " + baseline + " (a text, b text, c text, d text, e text)").update();
        start = System.nanoTime();
        long copied;
        try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + baseline + " from stdin (format csv, header)", in);
        }
        double copySeconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("drop table " + baseline).update();
        assertThat(copied).isEqualTo(ROWS);
        System.out.printf("CrashSafetyTest: landing %,d rows (%.1f MB) took %.2f s (%,.0f rows/s); plain COPY %.2f s"
                        + " (%,.0f rows/s); ratio %.2f%n", ROWS, Files.size(file) / 1e6, landSeconds, ROWS / landSeconds,
                copySeconds, ROWS / copySeconds, landSeconds / copySeconds);
    }
}
