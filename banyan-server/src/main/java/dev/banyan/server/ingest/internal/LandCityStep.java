package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.MappingSuggestion;
import dev.banyan.server.ingest.NewIngestJob;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.DatabaseInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo step: ingests and governs every dataset of the synthetic city (各部门数据汇聚与治理), each into the catalog
 * resource registered for it, as that department's data liaison — the files through a daily ingest job of the
 * department with the encoding the city's {@code manifest.json} gives (GBK for civil affairs), the transport bureau's
 * tables live over JDBC from the database the demo serves.
 *
 * <p>Idempotent: a file whose fingerprint (SHA-256 of its bytes) has landed in its resource before is not read again;
 * the database tables are read in a fixed order ({@code record_id}) so that unchanged tables give the same content
 * fingerprint, which the loader recognises. Either way the dataset is counted as already landed and nothing changes.
 */
@Component
class LandCityStep implements DemoStep {

    /** The database the demo serves the transport bureau's tables from, on the embedded server. */
    static final String TRANSPORT_DATABASE = "rongcheng_transport";

    private final Ingestion ingestion;
    private final IngestJobs jobs;
    private final CityDatasetResources resources;
    private final Path cityDir;
    private final String transportUrl;
    private final String user;
    private final String password;

    @Autowired
    LandCityStep(Ingestion ingestion, IngestJobs jobs, CityDatasetResources resources, DatabaseInfo database,
                 BanyanSettings settings) {
        // As LoadDepartmentDatabaseStep serves it: a database of its own on the embedded server, else a schema of Banyan's.
        this(ingestion, jobs, resources, settings.cityDir(),
                database.embedded() ? database.jdbcUrlFor(TRANSPORT_DATABASE) : database.jdbcUrl(),
                database.embedded() ? "postgres" : settings.db().user(),
                database.embedded() ? "" : settings.db().password());
    }

    LandCityStep(Ingestion ingestion, IngestJobs jobs, CityDatasetResources resources, Path cityDir, String transportUrl,
                 String user, String password) {
        this.ingestion = ingestion;
        this.jobs = jobs;
        this.resources = resources;
        this.cityDir = cityDir;
        this.transportUrl = transportUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String title() {
        return "Ingest and govern every department's data: RAW, STANDARD, quarantine / 各部门数据汇聚、治理：原始库、标准库、隔离区";
    }

    /** One dataset as the city's manifest describes it. */
    record CityDataset(String department, String dataset, String titleZh, String file, String format, String encoding,
                       long rows, String databaseTable, List<String> columns) {

        boolean servedAsDatabase() {
            return databaseTable != null;
        }
    }

    /** What became of one dataset. */
    record Landed(CityDataset dataset, String resourceCode, IngestResult result) {
    }

    @Override
    public void run(DemoProgress progress) throws IOException {
        Path manifest = cityDir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            progress.report("no generated city in " + cityDir + ", nothing to land / 未生成模拟城市，无数据可汇聚");
            return;
        }
        List<Landed> results = land(datasets(manifest), progress);
        progress.report(summary(results));
    }

    /** Lands the datasets one after the other, reporting progress in rows; reports those that could not land. */
    List<Landed> land(List<CityDataset> datasets, DemoProgress progress) {
        long total = datasets.stream().mapToLong(CityDataset::rows).sum();
        long done = 0;
        List<Landed> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CityDataset d : datasets) {
            Optional<Resource> resource = resources.find(d.department(), d.dataset());
            if (resource.isEmpty()) {
                notes.add("✗ " + d.file() + ": no catalog resource registered for it, not landed / 未登记目录资源，未汇聚");
                done += d.rows();
                continue;
            }
            String code = resource.get().code();
            long before = done;
            progress.advance(d.titleZh(), before, total);
            LongConsumer rows = n -> progress.advance(d.titleZh(), before + Math.min(n, d.rows()), total);
            String liaison = "liaison." + d.department();
            // A file landed before is recognised by its bytes before it is read; database tables by their content.
            IngestResult result = d.servedAsDatabase()
                    // The embedded server's port changes between starts, so the database tables are landed one-off.
                    ? ingestion.ingest(code, spec(d), liaison, rows)
                    : jobs.run(job(code, d, liaison).id(), liaison, rows);
            results.add(new Landed(d, code, result));
            if (result.outcome() == IngestResult.Outcome.FAILED) {
                notes.add("✗ " + d.file() + " → " + code + " failed / 失败: " + result.reason());
            }
            done += d.rows();
            progress.advance(d.titleZh(), done, total);
        }
        notes.forEach(progress::report);
        return results;
    }

    /**
     * The dataset's daily ingest job, created on first use with the mapping the liaison confirmed as suggested — the
     * city's files carry the catalog's field names.
     */
    private IngestJob job(String code, CityDataset d, String liaison) {
        return jobs.ofResource(code).stream().filter(j -> j.name().equals(d.titleZh())).findFirst().orElseGet(() -> {
            SourceSpec spec = spec(d);
            Map<String, String> options = new LinkedHashMap<>();
            options.put(SourceOption.EXPECTED_COLUMNS.key(), String.join(",", d.columns()));
            if (spec.has(SourceOption.ENCODING)) {
                options.put(SourceOption.ENCODING.key(), spec.options().encoding().name());
            }
            MappingSuggestion mapping = jobs.suggestMapping(code, d.format(), spec.location(), options);
            return jobs.create(new NewIngestJob(d.titleZh(), code, d.format(), spec.location(), options,
                    mapping.asMapping(), DAILY_AT_TWO), liaison);
        });
    }

    /** The demo's jobs run every night at 02:00, as departments' exchange jobs usually do. */
    static final String DAILY_AT_TWO = "0 2 * * *";

    /** The source of a dataset: its file with the manifest's encoding and columns, or its table in the department's database. */
    SourceSpec spec(CityDataset d) {
        if (d.servedAsDatabase()) {
            SourceSpec.Builder b = SourceSpec.builder("jdbc", transportUrl).table(d.databaseTable())
                    // read in key order, so that an unchanged table gives the same content fingerprint
                    .watermarkColumn("record_id").expectedColumns(d.columns());
            if (user != null && !user.isBlank()) {
                b.user(user);
            }
            if (password != null && !password.isEmpty()) {
                b.password(password);
            }
            return b.build();
        }
        SourceSpec.Builder b = SourceSpec.builder(d.format(), cityDir.resolve(d.file()).toString())
                .expectedColumns(d.columns());
        if (!d.format().equals("xlsx") && !d.encoding().equalsIgnoreCase("binary")) {
            b.encoding(d.encoding());
        }
        return b.build();
    }

    static String summary(List<Landed> results) {
        long landed = results.stream().filter(r -> r.result().outcome() == IngestResult.Outcome.LANDED).count();
        long already = results.stream().filter(r -> r.result().outcome() == IngestResult.Outcome.ALREADY_LANDED).count();
        long failed = results.stream().filter(r -> r.result().outcome() == IngestResult.Outcome.FAILED).count();
        List<IngestBatch> in = results.stream().filter(r -> r.result().outcome() != IngestResult.Outcome.FAILED)
                .map(r -> r.result().batch()).toList();
        long rows = in.stream().mapToLong(IngestBatch::rowsLanded).sum();
        long standardised = in.stream().mapToLong(IngestBatch::rowsStandardised).sum();
        long quarantined = in.stream().mapToLong(IngestBatch::rowsQuarantined).sum();
        double quality = in.stream().filter(IngestBatch::governed).mapToDouble(b -> b.quality().score()).average().orElse(0);
        String figures = String.format("; %,d rows in RAW, %,d standardised, %,d quarantined, mean quality %.1f", rows,
                standardised, quarantined, quality);
        String zhFigures = String.format("；原始库 %,d 行，标准化 %,d 行，隔离 %,d 行，平均质量评分 %.1f", rows, standardised,
                quarantined, quality);
        if (landed == 0 && failed == 0) {
            return already + " datasets already landed, nothing changed" + figures + " / " + already
                    + " 个数据集均已入库，未作改动" + zhFigures;
        }
        String en = String.format("%d datasets: %d landed", results.size(), landed)
                + (already > 0 ? ", " + already + " already landed" : "")
                + (failed > 0 ? ", " + failed + " failed" : "") + figures;
        String zh = String.format("%d 个数据集：新入库 %d 个", results.size(), landed)
                + (already > 0 ? "，已入库 " + already + " 个" : "")
                + (failed > 0 ? "，失败 " + failed + " 个" : "") + zhFigures;
        return en + " / " + zh;
    }

    /** The departments' datasets (not the ground truth), in the manifest's order. */
    static List<CityDataset> datasets(Path manifest) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(manifest));
        List<CityDataset> list = new ArrayList<>();
        for (JsonNode department : root.path("departments")) {
            for (JsonNode s : department.path("datasets")) {
                List<String> columns = new ArrayList<>();
                for (JsonNode c : s.path("columns")) {
                    columns.add(c.path("name").asString());
                }
                boolean database = "database".equals(s.path("served_as").asString());
                list.add(new CityDataset(department.path("code").asString(), s.path("dataset").asString(),
                        s.path("title_zh").asString(), s.path("file").asString(), s.path("format").asString(),
                        s.path("encoding").asString(), s.path("rows").asLong(),
                        database ? s.path("database_table").asString() : null, List.copyOf(columns)));
            }
        }
        return list;
    }
}
