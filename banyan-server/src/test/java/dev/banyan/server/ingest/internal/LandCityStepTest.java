package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.DepartmentDatabase;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.Profile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo lands every dataset of a small generated city into the catalog resource registered for it, with the
 * manifest's row counts — files in their encodings, the transport bureau's tables over JDBC — and a second run finds
 * every one already landed and changes nothing.
 */
@BanyanServerTest
class LandCityStepTest {

    /** A database of its own for this test's transport tables, beside the demo's {@code rongcheng_transport}. */
    private static final String TRANSPORT = "ingest_demo_step_transport";

    /** Under the data directory, where ingest jobs may read files. */
    Path city;

    @Autowired
    dev.banyan.server.platform.BanyanSettings settings;

    @Autowired
    List<DemoStep> steps;

    @Autowired
    Ingestion ingestion;

    @Autowired
    dev.banyan.server.ingest.IngestJobs jobs;

    @Autowired
    CityDatasetResources resources;

    @Autowired
    DatabaseInfo database;

    @Autowired
    JdbcClient jdbc;

    /** Remembers what the step reports. */
    static final class Recorder implements DemoProgress {
        final List<String> lines = new ArrayList<>();
        long lastDone = -1;
        long total;

        @Override
        public void advance(String what, long done, long total) {
            assertThat(done).isGreaterThanOrEqualTo(lastDone).isLessThanOrEqualTo(total);
            lastDone = done;
            this.total = total;
        }

        @Override
        public void report(String line) {
            lines.add(line);
        }
    }

    @Test
    void landsEveryDatasetOnceWithItsManifestRowCount() throws Exception {
        city = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(settings.dataDir()), "land-city-");
        // Departments (120), accounts (130) and the catalog (200–299), as in the demo.
        for (DemoStep step : steps.stream().filter(s -> s.order() == 120 || s.order() == 130 || s.order() / 100 == 2)
                .sorted(Comparator.comparingInt(DemoStep::order)).toList()) {
            step.run(new Recorder());
        }
        new CityGenerator(2).generate(new GenerationOptions(500, 20_260_101L, Profile.NORMAL, city), null);
        // The transport bureau's tables, served live as the demo serves them.
        if (database.embedded()) {
            try (Connection admin = DriverManager.getConnection(database.jdbcUrlFor("postgres"), "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + TRANSPORT);
                admin.createStatement().execute("create database " + TRANSPORT + " encoding 'UTF8' template template0");
            }
        }
        String url = database.embedded() ? database.jdbcUrlFor(TRANSPORT) : database.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            DepartmentDatabase.load(c, city);
        }
        LandCityStep step = new LandCityStep(ingestion, jobs, resources, city, url, "postgres", "");
        List<LandCityStep.CityDataset> datasets = LandCityStep.datasets(city.resolve("manifest.json"));
        assertThat(datasets).hasSize(25).extracting(LandCityStep.CityDataset::format).contains("csv", "tsv", "ndjson", "xlsx");

        Recorder first = new Recorder();
        List<LandCityStep.Landed> landed = step.land(datasets, first);
        assertThat(landed).hasSize(datasets.size());
        assertThat(first.lastDone).isEqualTo(first.total).isEqualTo(datasets.stream().mapToLong(LandCityStep.CityDataset::rows).sum());
        for (LandCityStep.Landed l : landed) {
            LandCityStep.CityDataset d = l.dataset();
            IngestResult r = l.result();
            assertThat(r.outcome()).as("%s: %s", d.file(), r.reason()).isEqualTo(IngestResult.Outcome.LANDED);
            assertThat(r.batch().rowsLanded()).as(d.file()).isEqualTo(d.rows()).isPositive();
            assertThat(r.batch().requestedBy()).isEqualTo("liaison." + d.department());
            // into the resource the catalog registered for the dataset
            Resource resource = resources.find(d.department(), d.dataset()).orElseThrow();
            assertThat(resource.code()).isEqualTo(l.resourceCode()).isEqualTo(r.batch().resourceCode());
            assertThat(resource.nameZh()).isEqualTo(d.titleZh());
            assertThat(rawRows(l.resourceCode(), r.batch().id())).as(d.file()).isEqualTo(d.rows());
            // governed: every row either standardised or quarantined, with a quality score
            assertThat(r.batch().rowsStandardised() + r.batch().rowsQuarantined()).as(d.file()).isEqualTo(d.rows());
            assertThat(r.batch().quality().score()).as(d.file()).isBetween(50.0, 100.0);
            // files come in through the department's daily job, database tables one-off
            assertThat(r.batch().jobId() != null).as(d.file()).isEqualTo(!d.servedAsDatabase());
            // every column of the source is a field of the resource: nothing left out, nothing left empty
            assertThat(r.batch().problems()).as(d.file()).noneMatch(p -> p.contains("matches no field") || p.contains("has no column"));
            if (d.servedAsDatabase()) {
                assertThat(r.batch().sourceType()).isEqualTo("jdbc");
                assertThat(r.batch().description()).contains("table " + d.databaseTable());
            } else {
                assertThat(r.batch().sourceType()).isEqualTo(d.format());
            }
            if (d.encoding().equals("GBK")) {
                assertThat(r.batch().description()).as(d.file()).contains("GBK");
            }
        }
        assertThat(landed).filteredOn(l -> l.dataset().servedAsDatabase()).hasSize(3);
        assertThat(LandCityStep.summary(landed)).startsWith("25 datasets: 25 landed; ")
                .contains(String.format("%,d rows in RAW", first.total));
        assertThat(landed).flatExtracting(l -> jobs.ofResource(l.resourceCode())).hasSize(22)
                .allSatisfy(j -> assertThat(j.schedule()).isEqualTo(LandCityStep.DAILY_AT_TWO));

        Recorder second = new Recorder();
        long batches = jdbc.sql("select count(*) from ingest.batch").query(Long.class).single();
        List<LandCityStep.Landed> again = step.land(datasets, second);
        Map<String, Long> firstIds = landed.stream().collect(Collectors.toMap(LandCityStep.Landed::resourceCode,
                l -> l.result().batch().id()));
        assertThat(again).allSatisfy(l -> {
            assertThat(l.result().outcome()).as(l.dataset().file()).isEqualTo(IngestResult.Outcome.ALREADY_LANDED);
            assertThat(l.result().batch().id()).isEqualTo(firstIds.get(l.resourceCode()));
        });
        assertThat(jdbc.sql("select count(*) from ingest.batch").query(Long.class).single()).isEqualTo(batches);
        for (LandCityStep.Landed l : landed) {
            assertThat(ingestion.batches(l.resourceCode())).filteredOn(b -> b.status() == IngestBatch.Status.LANDED)
                    .extracting(IngestBatch::fingerprint).doesNotHaveDuplicates();
        }
        assertThat(LandCityStep.summary(again)).startsWith("25 datasets already landed, nothing changed");
        // and as the demo runs it: one summary line, no dataset left out
        Recorder third = new Recorder();
        step.run(third);
        assertThat(third.lines).singleElement().asString().startsWith("25 datasets already landed, nothing changed")
                .contains("均已入库");
        assertThat(jdbc.sql("select count(*) from ingest.batch").query(Long.class).single()).isEqualTo(batches);
    }

    private long rawRows(String code, long batch) {
        return jdbc.sql("select count(*) from " + RawTable.SCHEMA + ".\"" + RawTable.tableName(code) + "\" where _batch = ?")
                .param(batch).query(Long.class).single();
    }
}
