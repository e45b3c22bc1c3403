package dev.banyan.server.ingest.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.ingest.CorrectionResult;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.QuarantinedRow;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Ingestion} on top of the catalog, the plain {@link RawLoader} and the quarantine. */
class IngestionService implements Ingestion {


    private final Catalog catalog;
    private final RawLoader loader;
    private final FieldStandards standards;
    private final StandardTables standardTables;
    private final QuarantineStore quarantine;
    private final StandardRowWriter writer;
    private final TransactionTemplate transactions;
    private final Consumer<Evidence> evidence;
    private final Clock clock;

    IngestionService(Catalog catalog, RawLoader loader, FieldStandards standards, JdbcClient jdbc,
                     TransactionTemplate transactions, Consumer<Evidence> evidence, Clock clock) {
        this.catalog = catalog;
        this.loader = loader;
        this.standards = standards;
        this.standardTables = new StandardTables(jdbc, transactions);
        this.quarantine = new QuarantineStore(jdbc);
        this.writer = new StandardRowWriter(jdbc);
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public IngestResult ingest(String resourceCode, SourceSpec spec, String requestedBy, LongConsumer progress) {
        return ingest(resourceCode, spec, null, requestedBy, progress);
    }

    /** As {@link #ingest(String, SourceSpec, String, LongConsumer)}, recording {@code sourceLabel} as the location. */
    IngestResult ingest(String resourceCode, SourceSpec spec, String sourceLabel, String requestedBy, LongConsumer progress) {
        return ingest(resourceCode, spec, sourceLabel, requestedBy, progress, null);
    }

    /** As {@link #ingest(String, SourceSpec, String, String, LongConsumer)}, as a run of an ingest job. */
    IngestResult ingest(String resourceCode, SourceSpec spec, String sourceLabel, String requestedBy, LongConsumer progress,
                        RawLoader.JobRun job) {
        Resource resource = catalog.getByCode(resourceCode);
        if (resource.status() == ResourceStatus.RETIRED) {
            throw new InvalidInputException("code", "ingest.error.retired", resourceCode);
        }
        if (resource.fields().isEmpty()) {
            throw new InvalidInputException("code", "ingest.error.noFields", resourceCode);
        }
        Optional<IngestBatch> same = landedBefore(resource.code(), spec);
        if (same.isPresent()) {
            return IngestResult.alreadyLanded(same.get());
        }
        List<String> fields = resource.fields().stream().map(ResourceField::name).toList();
        return loader.load(resource.code(), fields, spec, sourceLabel, requestedBy,
                progress == null ? n -> { } : progress, plan(resource), job);
    }

    /**
     * A file whose bytes landed in the resource before, found by hashing it — far cheaper than reading, standardising
     * and copying a large file only to roll it all back when its fingerprint turns out known.
     */
    private Optional<IngestBatch> landedBefore(String resourceCode, SourceSpec spec) {
        if (!spec.readsFile()) {
            return Optional.empty();
        }
        java.nio.file.Path file = java.nio.file.Path.of(spec.location());
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();   // the connector reports it as it should
        }
        try {
            return loader.batches().findLanded(resourceCode, SourceFingerprint.ofFile(file).label());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** How to govern the next batch of a resource: its rules, its STANDARD table, its timeliness. */
    private RawLoader.GovernPlan plan(Resource resource) {
        RowStandardiser rows = new RowStandardiser(resource.fields(), standards);
        StandardTable table = standardTables.ensure(resource.code(), rows);
        Instant previous = loader.batches().ofResource(resource.code()).stream()
                .filter(b -> b.status() == IngestBatch.Status.LANDED).map(IngestBatch::finishedAt).findFirst().orElse(null);
        return new RawLoader.GovernPlan(rows, table, Timeliness.score(resource.updateCycle(), previous, clock.instant()));
    }

    @Override
    public List<IngestBatch> batches(String resourceCode) {
        return loader.batches().ofResource(resourceCode);
    }

    @Override
    public Optional<IngestBatch> batch(long id) {
        return loader.batches().find(id);
    }

    @Override
    public List<QuarantinedRow> quarantine(String resourceCode, QuarantinedRow.Status status, int offset, int limit) {
        return quarantine.list(resourceCode, status, Math.max(0, offset), Math.clamp(limit, 1, 1000));
    }

    @Override
    public long quarantineCount(String resourceCode, QuarantinedRow.Status status) {
        return quarantine.count(resourceCode, status);
    }

    @Override
    public Optional<QuarantinedRow> quarantinedRow(long id) {
        return quarantine.find(id);
    }

    Map<String, Long> openQuarantineByResource() {
        return quarantine.openByResource();
    }

    Map<String, Long> openProblemCodes(String resourceCode) {
        return quarantine.openProblemCodes(resourceCode);
    }

    @Override
    public CorrectionResult correct(long id, Map<String, String> values, String by) {
        QuarantinedRow found = quarantine.find(id).orElseThrow(() -> new NotFoundException("ingest.error.noSuchQuarantinedRow", id));
        Resource resource = catalog.getByCode(found.resourceCode());
        for (String field : values.keySet()) {
            if (resource.fields().stream().noneMatch(f -> f.name().equals(field))) {
                throw new InvalidInputException(field, "ingest.error.unknownField", field, resource.code());
            }
        }
        return transactions.execute(status -> {
            QuarantinedRow row = quarantine.lockOpen(id)
                    .orElseThrow(() -> new InvalidInputException("id", "ingest.error.notOpen", id));
            Map<String, String> corrected = new LinkedHashMap<>(row.values());
            corrected.putAll(values);
            Optional<CorrectionResult> rejected = apply(resource, row, corrected, by, "ingest.quarantine.corrected");
            return rejected.orElseGet(() -> new CorrectionResult(true, quarantine.find(id).orElseThrow(), List.of()));
        });
    }

    /**
     * Standardises the values of a quarantined row and, if they pass, writes them to STANDARD and marks the row
     * corrected. Runs in the caller's transaction.
     *
     * @return the rejection, or empty if the row was accepted
     */
    private Optional<CorrectionResult> apply(Resource resource, QuarantinedRow row, Map<String, String> values, String by,
                                             String evidenceType) {
        RowStandardiser rows = new RowStandardiser(resource.fields(), standards);
        String[] raw = new String[resource.fields().size()];
        for (int i = 0; i < raw.length; i++) {
            String v = values.get(resource.fields().get(i).name());
            raw[i] = v == null || v.isEmpty() ? null : v;
        }
        StandardRow standard = rows.standardise(raw, "q" + row.id(), null);
        if (standard.rejected()) {
            return Optional.of(new CorrectionResult(false, row, standard.problems()));
        }
        StandardTable table = standardTables.ensure(resource.code(), rows);
        boolean current = writer.upsert(table, standardTables.actualTypes(table), standard, row.batchId(), row.rowNumber());
        String note = current ? null : "a newer batch holds the current version of this key";
        quarantine.resolve(row.id(), QuarantinedRow.Status.CORRECTED, values, by, clock.instant(), note);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("quarantinedRow", row.id());
        payload.put("batch", row.batchId());
        payload.put("row", row.rowNumber());
        payload.put("current", current);
        evidence.accept(Evidence.of(evidenceType, "user:" + by, "resource:" + resource.code(), payload));
        return Optional.empty();
    }

    @Override
    public QuarantinedRow dismiss(long id, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "ingest.error.reasonRequired");
        }
        QuarantinedRow found = quarantine.find(id).orElseThrow(() -> new NotFoundException("ingest.error.noSuchQuarantinedRow", id));
        return transactions.execute(status -> {
            quarantine.lockOpen(id).orElseThrow(() -> new InvalidInputException("id", "ingest.error.notOpen", id));
            quarantine.resolve(id, QuarantinedRow.Status.DISMISSED, null, by, clock.instant(), reason.strip());
            evidence.accept(Evidence.of("ingest.quarantine.dismissed", "user:" + by, "resource:" + found.resourceCode(),
                    Map.of("quarantinedRow", id, "batch", found.batchId(), "row", found.rowNumber(), "reason", reason.strip())));
            return quarantine.find(id).orElseThrow();
        });
    }

    @Override
    public int replay(String resourceCode, String by) {
        Resource resource = catalog.getByCode(resourceCode);
        int passed = 0;
        int offset = 0;
        while (true) {
            List<QuarantinedRow> page = quarantine.list(resourceCode, QuarantinedRow.Status.OPEN, offset, 500);
            if (page.isEmpty()) {
                return passed;
            }
            int still = 0;
            for (QuarantinedRow row : page) {
                Boolean ok = transactions.execute(status -> quarantine.lockOpen(row.id())
                        .map(r -> apply(resource, r, r.values(), by, "ingest.quarantine.replayed").isEmpty())
                        .orElse(false));
                if (Boolean.TRUE.equals(ok)) {
                    passed++;
                } else {
                    still++;
                }
            }
            offset += still;
        }
    }
}
