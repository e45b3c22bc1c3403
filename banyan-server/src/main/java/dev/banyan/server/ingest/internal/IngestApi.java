package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingest's machine API: upload a file as a batch of a catalog resource (scope {@code ingest.write}) and read batches
 * (scope {@code ingest.read}). The upload is streamed to a temporary file, never held in memory, then landed.
 */
@RestController
@RequestMapping("/api/v1/ingest")
@Tag(name = "Ingest", description = "Batches landing department files into the RAW zone (采集批次)")
@SecurityRequirement(name = "oauth2")
class IngestApi {


    private final IngestionService ingestion;
    private final ApiOwnership ownership;
    private final MessageSource messages;

    IngestApi(IngestionService ingestion, ApiOwnership ownership, MessageSource messages) {
        this.ingestion = ingestion;
        this.ownership = ownership;
        this.messages = messages;
    }

    /** The outcome of an upload. */
    record ResultView(IngestResult.Outcome outcome, IngestBatch batch) {
    }

    @PostMapping("/resources/{code}/batches")
    @Operation(summary = "Land the request body (a csv, tsv, json, ndjson, xlsx or xls file) as a batch of the resource",
            description = "201 with the batch when landed; 200 with the earlier batch when the same file had landed; "
                    + "422 problem details (with the recorded FAILED batch id) when the file cannot be landed. Further "
                    + "query parameters are source options: encoding, delimiter, header_row, sheet, expected_columns.")
    ResponseEntity<?> upload(@PathVariable String code,
                             @Parameter(description = "csv, tsv, json, ndjson, xlsx or xls") @RequestParam(defaultValue = "csv") String type,
                             @Parameter(description = "the file's name, recorded as the source") @RequestParam(required = false) String filename,
                             @RequestParam Map<String, String> query, InputStream body, Principal principal) {
        ProblemDetail refused = ownership.refusal(code, principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        String kind = type.strip().toLowerCase(Locale.ROOT);
        if (!SourceSpec.FILE_TYPES.contains(kind)) {
            throw new InvalidInputException("type", "ingest.error.uploadType", type);
        }
        Map<String, String> options = new LinkedHashMap<>(query);
        options.remove("type");
        options.remove("filename");
        Path file = null;
        try {
            file = Files.createTempFile("banyan-upload-", "." + kind);
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            SourceSpec spec;
            try {
                spec = SourceSpec.parse(kind, file.toString(), options);
            } catch (SourceException e) {
                throw new InvalidInputException("options", "ingest.error.badOption", e.getMessage());
            }
            String label = "upload:" + (filename == null || filename.isBlank() ? "(unnamed)." + kind : filename.strip());
            IngestResult result = ingestion.ingest(code, spec, label, principal == null ? "anonymous" : principal.getName(),
                    n -> { });
            return switch (result.outcome()) {
                case LANDED -> ResponseEntity.created(URI.create("/api/v1/ingest/batches/" + result.batch().id()))
                        .body(new ResultView(result.outcome(), result.batch()));
                case ALREADY_LANDED -> ResponseEntity.ok(new ResultView(result.outcome(), result.batch()));
                case FAILED -> ResponseEntity.status(422).body(failure(result));
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the upload", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    private ProblemDetail failure(IngestResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422),
                messages.getMessage("ingest.error.failed", new Object[] {result.batch().id(), result.reason()},
                        result.reason(), locale));
        problem.setType(URI.create("urn:banyan:problem:ingest-failed"));
        problem.setTitle(messages.getMessage("ingest.error.failed.title", null, "Batch not landed", locale));
        problem.setProperty("code", "ingest.error.failed");
        problem.setProperty("outcome", result.outcome());
        problem.setProperty("batch", result.batch().id());
        problem.setProperty("reason", result.reason());
        return problem;
    }

    @GetMapping("/resources/{code}/batches")
    @Operation(summary = "The resource's batches, newest first")
    List<IngestBatch> batches(@PathVariable String code) {
        return ingestion.batches(code);
    }

    @GetMapping("/batches/{id}")
    @Operation(summary = "One batch")
    IngestBatch batch(@PathVariable long id) {
        return ingestion.batch(id).orElseThrow(() -> new NotFoundException("ingest.error.noBatch", id));
    }
}
