package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.IngestFixtures;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.MappingSuggestion;
import dev.banyan.server.ingest.NewIngestJob;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.server.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ingest jobs: suggested and confirmed mappings, runs as batches, incremental JDBC, the schedule. */
@BanyanServerTest
class IngestJobTest {

    @Autowired
    IngestJobs jobs;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    BanyanSettings settings;

    @Autowired
    DatabaseInfo database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobScheduler scheduler;

    private Resource people() {
        return IngestFixtures.resource(directory, catalog, List.of(
                IngestFixtures.field("record_id", "string", null, true),
                IngestFixtures.field("姓名", "string", "DE0002", false),
                IngestFixtures.field("公民身份号码", "string", "DE0001", false),
                IngestFixtures.field("updated", "integer", null, false)));
    }

    private Path file(String name, String content) throws Exception {
        Path dir = settings.dataDir().resolve("inbox");
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void suggestsAMappingByNameAndDataElementAndRunsTheConfirmedOneAsBatches() throws Exception {
        Resource r = people();
        Path f = file("job-people-" + r.id() + ".csv", "RECORD_ID,姓名,身份证号,备注\n1,张三,350102198001010011,x\n");
        MappingSuggestion s = jobs.suggestMapping(r.code(), "csv", f.toString(), Map.of());
        assertThat(s.asMapping()).containsEntry("record_id", "RECORD_ID").containsEntry("姓名", "姓名")
                .containsEntry("公民身份号码", "身份证号").doesNotContainKey("updated");
        assertThat(s.fields()).filteredOn(x -> x.field().equals("公民身份号码"))
                .extracting(MappingSuggestion.SuggestedField::reason).containsExactly(MappingSuggestion.Reason.DATA_ELEMENT);
        assertThat(s.unusedColumns()).containsExactly("备注");

        IngestJob job = jobs.create(new NewIngestJob("每日人员", r.code(), "csv", f.toString(), Map.of(), s.asMapping(),
                null), "liaison");
        IngestResult first = jobs.run(job.id(), "liaison", n -> { });
        assertThat(first.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(first.batch().jobId()).isEqualTo(job.id());
        assertThat(first.batch().rowsStandardised()).isEqualTo(1);
        assertThat(jobs.run(job.id(), "liaison", n -> { }).outcome()).isEqualTo(IngestResult.Outcome.ALREADY_LANDED);

        // The source changed its layout: the confirmed mapping no longer fits, and the run says so.
        Files.writeString(f, "ID,姓名\n2,李四\n", StandardCharsets.UTF_8);
        IngestResult changed = jobs.run(job.id(), "liaison", n -> { });
        assertThat(changed.outcome()).isEqualTo(IngestResult.Outcome.FAILED);
        assertThat(changed.reason()).contains("RECORD_ID").contains("Confirm the mapping");
        assertThat(jobs.runs(job.id(), 10)).hasSize(2);

        // Files outside the inbox are not read, not even to suggest a mapping — nor through a link out of it.
        assertThatThrownBy(() -> jobs.suggestMapping(r.code(), "csv", "/etc/passwd", Map.of()))
                .isInstanceOf(InvalidInputException.class);
        Path link = f.resolveSibling("escape-" + r.id() + ".csv");
        Files.createSymbolicLink(link, Path.of("/etc/passwd"));
        assertThatThrownBy(() -> jobs.suggestMapping(r.code(), "csv", link.toString(), Map.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlySourceVariablesOfTheEnvironmentAreRead() {
        assertThatThrownBy(() -> IngestJobService.resolved(Map.of("password", "${env:BANYAN_DB_PASSWORD}")))
                .isInstanceOf(dev.banyan.server.ingest.SourceException.class).hasMessageContaining("BANYAN_SOURCE_");
        assertThat(IngestJobService.resolved(Map.of("sheet", "Sheet1"))).containsEntry("sheet", "Sheet1");
    }

    @Test
    void refusesABadJobNamingEveryProblem() throws Exception {
        Resource r = people();
        assertThatThrownBy(() -> jobs.create(new NewIngestJob(" ", r.code(), "csv", "/etc/passwd", Map.of(),
                Map.of("no such field", "x"), "every day"), "liaison"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .contains("name", "sourceLocation", "schedule", "fieldMapping.no such field"));
        assertThat(jobs.ofResource(r.code())).isEmpty();
    }

    @Test
    void anIncrementalJdbcJobResumesAfterItsLastWatermark() throws Exception {
        Resource r = people();
        String url = database.jdbcUrl();
        String table = "job_source_" + r.id();
        try (Connection c = DriverManager.getConnection(url, database.user(), "")) {
            c.createStatement().execute("create table public." + table + " (record_id text, 姓名 text, 公民身份号码 text, updated int)");
            c.createStatement().execute("insert into public." + table + " values ('1', '张三', '350102198001010011', 1),"
                    + " ('2', '李四', '350102199002150029', 2)");
        }
        IngestJob job = jobs.create(new NewIngestJob("增量人员", r.code(), "jdbc", url,
                Map.of("table", "public." + table, "watermark_column", "updated", "user", database.user()),
                Map.of("record_id", "record_id", "姓名", "姓名", "公民身份号码", "公民身份号码", "updated", "updated"),
                "*/5 * * * *"), "liaison");
        assertThat(job.incremental()).isTrue();
        assertThat(job.nextRunAt()).isAfter(Instant.now().minusSeconds(1));

        IngestResult first = jobs.run(job.id(), "liaison", n -> { });
        assertThat(first.batch().rowsRead()).isEqualTo(2);
        assertThat(first.batch().highWatermark()).isEqualTo("2");
        try (Connection c = DriverManager.getConnection(url, database.user(), "")) {
            c.createStatement().execute("insert into public." + table + " values ('3', '王五', '350102197512300032', 3)");
        }
        IngestResult second = jobs.run(job.id(), "liaison", n -> { });
        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(second.batch().rowsRead()).isEqualTo(1);
        assertThat(second.batch().highWatermark()).isEqualTo("3");
        long rows = jdbc.sql("select count(*) from std.\"" + RawTable.tableName(r.code()) + "\"").query(Long.class).single();
        assertThat(rows).isEqualTo(3);

        // Due now: the scheduler runs it once and moves the next run on.
        jdbc.sql("update ingest.job set next_run_at = now() - interval '1 minute' where id = ?").param(job.id()).update();
        try (Connection c = DriverManager.getConnection(url, database.user(), "")) {
            c.createStatement().execute("insert into public." + table + " values ('4', '赵六', '350102199002150029', 4)");
        }
        scheduler.runDueJobs();
        assertThat(jobs.runs(job.id(), 10)).hasSize(3).first()
                .satisfies(b -> assertThat(b.requestedBy()).isEqualTo("scheduler"));
        assertThat(jobs.find(job.id()).orElseThrow().nextRunAt()).isAfter(Instant.now());
    }
}
