package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.CorrectionResult;
import dev.banyan.server.ingest.QualityScore;
import dev.banyan.server.ingest.QuarantinedRow;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine and quality API (隔离区与数据质量接口): read a resource's quarantined rows and its quality (scope
 * {@code ingest.read}); correct, dismiss and replay rows (scope {@code ingest.write}). An application touches only its
 * own department's resources (403 problem details otherwise); every change is recorded as evidence with the client.
 */
@RestController
@RequestMapping("/api/v1/ingest")
@Tag(name = "Quarantine and quality", description = "Rows rejected by standardisation, their correction, and quality scores (隔离区与数据质量)")
@SecurityRequirement(name = "oauth2")
class QuarantineApi {

    private final IngestionService ingestion;
    private final QualityHistory history;
    private final ApiOwnership ownership;
    private final QuarantineReasons reasons;
    private final MessageSource messages;

    QuarantineApi(IngestionService ingestion, QualityHistory history, ApiOwnership ownership, QuarantineReasons reasons,
                  MessageSource messages) {
        this.ingestion = ingestion;
        this.history = history;
        this.ownership = ownership;
        this.reasons = reasons;
        this.messages = messages;
    }

    /** A page of a resource's quarantine. */
    record QuarantinePage(String resourceCode, QuarantinedRow.Status status, long total, int offset, int limit,
                          Map<String, Long> openProblemCodes, List<QuarantineView> rows) {
    }

    @GetMapping("/resources/{code}/quarantine")
    @Operation(summary = "The resource's quarantined rows, oldest first, with a readable reason for every problem",
            description = "status: OPEN (default), CORRECTED, DISMISSED or ALL; limit at most 1000.")
    ResponseEntity<?> quarantine(@PathVariable String code,
                                 @Parameter(description = "OPEN, CORRECTED, DISMISSED or ALL") @RequestParam(defaultValue = "OPEN") String status,
                                 @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
                                 Principal principal) {
        ProblemDetail refused = ownership.refusal(code, principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        QuarantinedRow.Status wanted = status(status);
        int from = Math.max(0, offset);
        int size = Math.clamp(limit, 1, 1000);
        Locale locale = LocaleContextHolder.getLocale();
        long total = wanted == null ? Arrays.stream(QuarantinedRow.Status.values())
                .mapToLong(s -> ingestion.quarantineCount(code, s)).sum() : ingestion.quarantineCount(code, wanted);
        List<QuarantineView> rows = ingestion.quarantine(code, wanted, from, size).stream()
                .map(r -> QuarantineView.of(r, reasons, locale)).toList();
        return ResponseEntity.ok(new QuarantinePage(code, wanted, total, from, size, ingestion.openProblemCodes(code), rows));
    }

    private static QuarantinedRow.Status status(String status) {
        if (status == null || status.isBlank() || status.strip().equalsIgnoreCase("ALL")) {
            return null;
        }
        return Arrays.stream(QuarantinedRow.Status.values()).filter(s -> s.name().equalsIgnoreCase(status.strip()))
                .findFirst().orElseThrow(() -> new InvalidInputException("status", "ingest.error.quarantineStatus", status));
    }

    @GetMapping("/quarantine/{id}")
    @Operation(summary = "One quarantined row with its problems and their reasons")
    ResponseEntity<?> row(@PathVariable long id, Principal principal) {
        QuarantinedRow row = find(id);
        ProblemDetail refused = ownership.refusal(row.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        return ResponseEntity.ok(QuarantineView.of(row, reasons, LocaleContextHolder.getLocale()));
    }

    /** The outcome of a correction that was accepted. */
    record CorrectionView(boolean accepted, QuarantineView row) {
    }

    @PostMapping("/quarantine/{id}/correction")
    @Operation(summary = "Correct an open quarantined row: a JSON object of field → corrected value",
            description = "Fields left out keep their landed value. 200 with the corrected row when the values pass the "
                    + "resource's rules and went into the STANDARD zone; 422 problem details listing the problems (with "
                    + "reasons) when they still fail — then nothing changed; 400 for an unknown field or a row not open.")
    ResponseEntity<?> correct(@PathVariable long id, @RequestBody Map<String, String> values, Principal principal) {
        QuarantinedRow row = find(id);
        ProblemDetail refused = ownership.refusal(row.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        Locale locale = LocaleContextHolder.getLocale();
        CorrectionResult result = ingestion.correct(id, values, principal.getName());
        if (result.accepted()) {
            return ResponseEntity.ok(new CorrectionView(true, QuarantineView.of(result.row(), reasons, locale)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422), messages.getMessage(
                "ingest.error.correctionRejected", new Object[] {id}, "The corrected values still fail", locale));
        problem.setType(URI.create("urn:banyan:problem:correction-rejected"));
        problem.setTitle(messages.getMessage("ingest.error.correctionRejected.title", null, "Correction rejected", locale));
        problem.setProperty("code", "ingest.error.correctionRejected");
        problem.setProperty("accepted", false);
        problem.setProperty("problems", QuarantineView.problems(result.problems(), reasons, locale));
        return ResponseEntity.status(422).body(problem);
    }

    /** Why a row is dismissed. */
    record Dismissal(String reason) {
    }

    @PostMapping("/quarantine/{id}/dismissal")
    @Operation(summary = "Dismiss an open quarantined row with a reason, e.g. a test record; it stays on record",
            description = "Body {\"reason\": \"…\"}; 400 problem details when the reason is missing or the row is not open.")
    ResponseEntity<?> dismiss(@PathVariable long id, @RequestBody(required = false) Dismissal dismissal, Principal principal) {
        QuarantinedRow row = find(id);
        ProblemDetail refused = ownership.refusal(row.resourceCode(), principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        QuarantinedRow dismissed = ingestion.dismiss(id, dismissal == null ? null : dismissal.reason(), principal.getName());
        return ResponseEntity.ok(QuarantineView.of(dismissed, reasons, LocaleContextHolder.getLocale()));
    }

    /** What a replay did. */
    record ReplayResult(String resourceCode, int passed, long stillOpen) {
    }

    @PostMapping("/resources/{code}/quarantine/replay")
    @Operation(summary = "Replay the resource's open rows through its current rules (after a catalog or code table fix)")
    ResponseEntity<?> replay(@PathVariable String code, Principal principal) {
        ProblemDetail refused = ownership.refusal(code, principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        int passed = ingestion.replay(code, principal.getName());
        return ResponseEntity.ok(new ReplayResult(code, passed, ingestion.quarantineCount(code, QuarantinedRow.Status.OPEN)));
    }

    /** A resource's quality: the latest score with its breakdown, and the trend of its batches' scores. */
    record QualityView(String resourceCode, QualityScore latest, Long latestBatch, Instant latestAt,
                       List<QualityHistory.Point> trend, long openQuarantine) {
    }

    @GetMapping("/resources/{code}/quality")
    @Operation(summary = "The resource's latest quality score (0–100, five dimensions, per field) and its trend",
            description = "latest is null when no batch of the resource was governed yet; the trend holds the last 30 batches, oldest first.")
    ResponseEntity<?> quality(@PathVariable String code, Principal principal) {
        ProblemDetail refused = ownership.refusal(code, principal);
        if (refused != null) {
            return ResponseEntity.status(403).body(refused);
        }
        QualityHistory.ResourceQuality q = history.of(List.of(code)).get(code);
        long open = ingestion.quarantineCount(code, QuarantinedRow.Status.OPEN);
        return ResponseEntity.ok(q == null ? new QualityView(code, null, null, null, List.of(), open)
                : new QualityView(code, q.latest(), q.latestBatch(), q.latestAt(), q.trend(), open));
    }

    private QuarantinedRow find(long id) {
        return ingestion.quarantinedRow(id).orElseThrow(() -> new NotFoundException("ingest.error.noSuchQuarantinedRow", id));
    }
}
