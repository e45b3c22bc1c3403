package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.MappingSuggestion;
import dev.banyan.server.ingest.NewIngestJob;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingest jobs' machine API: suggest a mapping, create a job, run it, list its runs (scopes {@code ingest.write} and
 * {@code ingest.read}); a client works only with its own department's resources.
 */
@RestController
@RequestMapping("/api/v1/ingest/jobs")
@Tag(name = "Ingest jobs", description = "Sources bound to catalog resources, run by hand or on a schedule (采集任务)")
@SecurityRequirement(name = "oauth2")
class IngestJobApi {

    private final IngestJobService jobs;
    private final ApiOwnership ownership;

    IngestJobApi(IngestJobService jobs, ApiOwnership ownership) {
        this.jobs = jobs;
        this.ownership = ownership;
    }

    /** What to read, to suggest a mapping for. */
    record SourceRequest(String resourceCode, String sourceType, String sourceLocation, Map<String, String> sourceOptions) {
    }

    @PostMapping("/mapping-suggestion")
    @Operation(summary = "Read the source's columns and suggest which feeds which field of the resource")
    ResponseEntity<?> suggest(@RequestBody SourceRequest request, Principal principal) {
        ProblemDetail refused = ownership.refusal(request.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        try {
            MappingSuggestion s = jobs.suggestMapping(request.resourceCode(), request.sourceType(), request.sourceLocation(),
                    request.sourceOptions() == null ? Map.of() : request.sourceOptions());
            return ResponseEntity.ok(s);
        } catch (SourceException e) {
            throw new InvalidInputException("source", "ingest.error.badOption", e.getMessage());
        }
    }

    @PostMapping
    @Operation(summary = "Create a job with a confirmed field mapping and an optional cron schedule")
    ResponseEntity<?> create(@RequestBody NewIngestJob job, Principal principal) {
        ProblemDetail refused = ownership.refusal(job.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        IngestJob created = jobs.create(job, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/ingest/jobs/" + created.id())).body(view(created));
    }

    /** A job as shown: secrets hidden. */
    record JobView(long id, String name, String resourceCode, String sourceType, String sourceLocation,
                   Map<String, String> sourceOptions, Map<String, String> fieldMapping, String schedule, boolean enabled,
                   java.time.Instant nextRunAt, String createdBy, java.time.Instant createdAt) {
    }

    private static JobView view(IngestJob j) {
        return new JobView(j.id(), j.name(), j.resourceCode(), j.sourceType(), j.sourceLocation(), j.shownOptions(),
                j.fieldMapping(), j.schedule(), j.enabled(), j.nextRunAt(), j.createdBy(), j.createdAt());
    }

    @GetMapping
    @Operation(summary = "Jobs, of one resource if given")
    List<JobView> list(@RequestParam(required = false) String resource) {
        return (resource == null ? jobs.list() : jobs.ofResource(resource)).stream().map(IngestJobApi::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job")
    JobView job(@PathVariable long id) {
        return view(get(id));
    }

    @PostMapping("/{id}/runs")
    @Operation(summary = "Run the job now: land and govern its source as a new batch",
            description = "201 with the batch when landed; 200 with the earlier batch when the same source had landed; "
                    + "422 problem details when it could not be landed (the FAILED batch is recorded).")
    ResponseEntity<?> run(@PathVariable long id, Principal principal) {
        IngestJob job = get(id);
        ProblemDetail refused = ownership.refusal(job.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        IngestResult result = jobs.run(id, principal.getName(), n -> { });
        return switch (result.outcome()) {
            case LANDED -> ResponseEntity.created(URI.create("/api/v1/ingest/batches/" + result.batch().id()))
                    .body(result);
            case ALREADY_LANDED -> ResponseEntity.ok(result);
            case FAILED -> {
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422), result.reason());
                p.setType(URI.create("urn:banyan:problem:ingest-failed"));
                p.setProperty("code", "ingest.error.failed");
                p.setProperty("batch", result.batch().id());
                yield ResponseEntity.status(422).body(p);
            }
        };
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "The job's runs (batches), newest first")
    List<IngestBatch> runs(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        get(id);
        return jobs.runs(id, limit);
    }

    @PostMapping("/{id}/enabled")
    @Operation(summary = "Enable or disable the job's schedule")
    ResponseEntity<?> enable(@PathVariable long id, @RequestParam boolean value, Principal principal) {
        IngestJob job = get(id);
        ProblemDetail refused = ownership.refusal(job.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        return ResponseEntity.ok(view(jobs.setEnabled(id, value, principal.getName())));
    }

    private IngestJob get(long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("ingest.job.error.noJob", id));
    }
}
