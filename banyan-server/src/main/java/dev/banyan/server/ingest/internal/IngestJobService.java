package dev.banyan.server.ingest.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.MappingSuggestion;
import dev.banyan.server.ingest.NewIngestJob;
import dev.banyan.server.ingest.SourceConnectors;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link IngestJobs} on the job table, the connectors and {@link IngestionService}. */
class IngestJobService implements IngestJobs {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Catalog catalog;
    private final Map<String, DataElement> elements;
    private final IngestionService ingestion;
    private final SourceConnectors connectors;
    private final JobStore jobs;
    private final BatchStore batches;
    private final TransactionTemplate transactions;
    private final Consumer<Evidence> evidence;
    private final Clock clock;
    private final RunningJobs running;
    private final java.nio.file.Path fileRoot;


    IngestJobService(Catalog catalog, Map<String, DataElement> elements, IngestionService ingestion,
                     SourceConnectors connectors, JobStore jobs, BatchStore batches, TransactionTemplate transactions,
                     Consumer<Evidence> evidence, Clock clock, RunningJobs running, java.nio.file.Path fileRoot) {
        this.fileRoot = fileRoot.toAbsolutePath().normalize();
        this.catalog = catalog;
        this.elements = elements;
        this.ingestion = ingestion;
        this.connectors = connectors;
        this.jobs = jobs;
        this.batches = batches;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
        this.running = running;
    }

    @Override
    public MappingSuggestion suggestMapping(String resourceCode, String sourceType, String sourceLocation,
                                            Map<String, String> sourceOptions) {
        Resource resource = catalog.getByCode(resourceCode);
        SourceSpec spec = SourceSpec.parse(sourceType, sourceLocation, resolved(sourceOptions));
        try (SourceReader reader = connectors.open(spec)) {
            return new MappingSuggester(elements).suggest(reader.columns(), resource.fields());
        }
    }

    @Override
    public IngestJob create(NewIngestJob job, String by) {
        List<InputProblem> problems = new ArrayList<>();
        if (job.name() == null || job.name().isBlank()) {
            problems.add(new InputProblem("name", "ingest.job.error.nameRequired", new Object[] {}));
        }
        Optional<Resource> resource = job.resourceCode() == null ? Optional.empty() : catalog.findByCode(job.resourceCode());
        if (resource.isEmpty()) {
            problems.add(new InputProblem("resourceCode", "ingest.error.noResource", new Object[] {job.resourceCode()}));
        }
        if (job.sourceType() == null || connectors.types().stream().noneMatch(job.sourceType()::equals)) {
            problems.add(new InputProblem("sourceType", "ingest.job.error.sourceType", new Object[] {job.sourceType(), String.join(", ", connectors.types())}));
        }
        if (job.sourceLocation() == null || job.sourceLocation().isBlank()) {
            problems.add(new InputProblem("sourceLocation", "ingest.job.error.locationRequired", new Object[] {}));
        } else if (job.sourceType() != null) {
            try {
                // Checked with placeholders unresolved: the environment of the node that runs it may differ.
                SourceSpec.parse(job.sourceType(), job.sourceLocation(), withoutPlaceholders(job.sourceOptions()));
            } catch (SourceException e) {
                problems.add(new InputProblem("sourceOptions", "ingest.error.badOption", new Object[] {e.getMessage()}));
            }
        }
        if (job.sourceLocation() != null && SourceSpec.FILE_TYPES.contains(job.sourceType()) && !underFileRoot(job.sourceLocation())) {
            // A job reads files on the server; only those under the data directory, never /etc or another's home.
            problems.add(new InputProblem("sourceLocation", "ingest.job.error.outsideRoot",
                    new Object[] {job.sourceLocation(), fileRoot}));
        }
        if (job.schedule() != null && !job.schedule().isBlank()) {
            JobSchedule.problem(job.schedule()).ifPresent(p ->
                    problems.add(new InputProblem("schedule", "ingest.job.error.schedule", new Object[] {job.schedule(), p})));
        }
        if (job.fieldMapping().isEmpty()) {
            problems.add(new InputProblem("fieldMapping", "ingest.job.error.mappingEmpty", new Object[] {}));
        }
        resource.ifPresent(r -> {
            for (String field : job.fieldMapping().keySet()) {
                if (r.fields().stream().map(ResourceField::name).noneMatch(field::equals)) {
                    problems.add(new InputProblem("fieldMapping." + field, "ingest.error.unknownField", new Object[] {field, r.code()}));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Instant next = job.schedule() == null || job.schedule().isBlank() ? null : JobSchedule.parse(job.schedule()).next(now);
        return transactions.execute(status -> {
            long id = jobs.insert(job, next, by, now);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("job", id);
            payload.put("name", job.name().strip());
            payload.put("sourceType", job.sourceType());
            if (job.schedule() != null && !job.schedule().isBlank()) {
                payload.put("schedule", job.schedule().strip());
            }
            payload.put("mapping", job.fieldMapping());
            evidence.accept(Evidence.of("ingest.job.created", "user:" + by, "resource:" + job.resourceCode(), payload));
            return jobs.find(id).orElseThrow();
        });
    }

    @Override
    public List<IngestJob> list() {
        return jobs.all();
    }

    @Override
    public List<IngestJob> ofResource(String resourceCode) {
        return jobs.ofResource(resourceCode);
    }

    @Override
    public Optional<IngestJob> find(long id) {
        return jobs.find(id);
    }

    @Override
    public IngestJob setEnabled(long id, boolean enabled, String by) {
        IngestJob job = get(id);
        Instant now = clock.instant();
        Instant next = enabled && job.schedule() != null ? JobSchedule.parse(job.schedule()).next(now) : null;
        return transactions.execute(status -> {
            jobs.setEnabled(id, enabled, next, now);
            evidence.accept(Evidence.of(enabled ? "ingest.job.enabled" : "ingest.job.disabled", "user:" + by,
                    "resource:" + job.resourceCode(), Map.of("job", id)));
            return jobs.find(id).orElseThrow();
        });
    }

    @Override
    public IngestResult run(long id, String by, LongConsumer progress) {
        IngestJob job = get(id);
        Map<String, String> options = new LinkedHashMap<>(job.sourceOptions());
        if (job.incremental() && !options.containsKey(SourceOption.WATERMARK_VALUE.key())) {
            batches.lastWatermarkOfJob(id).ifPresent(w -> options.put(SourceOption.WATERMARK_VALUE.key(), w));
        }
        running.started(job.id(), job.resourceCode());
        try {
            SourceSpec spec = SourceSpec.parse(job.sourceType(), job.sourceLocation(), resolved(options));
            return ingestion.ingest(job.resourceCode(), spec, null, by, n -> {
                running.progress(job.id(), n);
                progress.accept(n);
            }, new RawLoader.JobRun(id, job.fieldMapping()));
        } finally {
            running.finished(job.id());
        }
    }

    @Override
    public List<IngestBatch> runs(long id, int limit) {
        return batches.ofJob(id, Math.clamp(limit, 1, 1000));
    }

    private boolean underFileRoot(String location) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(location).toAbsolutePath().normalize();
            return p.startsWith(fileRoot);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private IngestJob get(long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("ingest.job.error.noJob", id));
    }

    /** Option values with {@code ${env:NAME}} read from this process's environment. */
    static Map<String, String> resolved(Map<String, String> options) {
        Map<String, String> resolved = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (v == null) {
                resolved.put(k, null);
                return;
            }
            Matcher m = ENV.matcher(v);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String value = System.getenv(m.group(1));
                if (value == null) {
                    throw new SourceException(dev.banyan.server.ingest.SourceErrorCode.BAD_OPTION, "job source", "option " + k,
                            "environment variable " + m.group(1) + " is not set",
                            "set it in the environment of the Banyan server that runs the job.");
                }
                m.appendReplacement(b, Matcher.quoteReplacement(value));
            }
            m.appendTail(b);
            resolved.put(k, b.toString());
        });
        return resolved;
    }

    private static Map<String, String> withoutPlaceholders(Map<String, String> options) {
        Map<String, String> plain = new LinkedHashMap<>();
        options.forEach((k, v) -> plain.put(k, v == null ? null : ENV.matcher(v).replaceAll("placeholder")));
        return plain;
    }
}
