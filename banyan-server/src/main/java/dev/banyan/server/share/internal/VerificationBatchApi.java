package dev.banyan.server.share.internal;

import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.ServiceKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Batch verification over the API (批量核验接口): a machine client with a live grant for a verification service posts
 * a CSV of subjects — multipart ({@code file}) or as the body ({@code text/csv}) — and gets 202 with the batch; it
 * polls the batch for its progress and counts and downloads the result CSV ({@code subject,result,reason}). A client
 * sees only its own batches, and only while its grant is live.
 */
@RestController
@Tag(name = "Verification batches", description = "Batch verification of many subjects (批量核验)")
@SecurityRequirement(name = "oauth2")
class VerificationBatchApi {

    static final String PATH = GatewayEndpoint.PATH + "{code}/batches";

    private final VerificationBatches batches;
    private final DataServices services;
    private final Grants grants;
    private final MessageSource messages;

    VerificationBatchApi(VerificationBatches batches, DataServices services, Grants grants, MessageSource messages) {
        this.batches = batches;
        this.services = services;
        this.grants = grants;
        this.messages = messages;
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a batch: a CSV file of subjects (one column, header optional, UTF-8 or GBK)")
    ResponseEntity<Map<String, Object>> submitFile(@PathVariable String code, @RequestPart("file") MultipartFile file,
                                                   @AuthenticationPrincipal Jwt jwt, HttpServletRequest request)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return submit(code, jwt, in, file.getOriginalFilename(), request);
        }
    }

    @PostMapping(path = PATH, consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Submit a batch: the subjects as the request body (text/csv)")
    ResponseEntity<Map<String, Object>> submitBody(@PathVariable String code, @AuthenticationPrincipal Jwt jwt,
                                                   HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return submit(code, jwt, in, null, request);
        }
    }

    private ResponseEntity<Map<String, Object>> submit(String code, Jwt jwt, InputStream in, String name,
                                                       HttpServletRequest request) throws IOException {
        Authorised a = authorise(code, jwt);
        VerificationBatch b = batches.submit(a.service(), a.grant(), a.grant().consumerDepartmentId(),
                "client:" + a.grant().clientId(), in, name == null ? null : Path.of(name).getFileName().toString());
        return ResponseEntity.accepted().location(java.net.URI.create(PATH.replace("{code}", code) + "/" + b.id()))
                .body(view(b));
    }

    @GetMapping(PATH)
    @Operation(summary = "The client's batches of this service, newest first")
    List<Map<String, Object>> list(@PathVariable String code, @AuthenticationPrincipal Jwt jwt) {
        Authorised a = authorise(code, jwt);
        return batches.ofService(code, a.grant().clientId(), 100).stream().map(VerificationBatchApi::view).toList();
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "A batch: status, progress and counts")
    Map<String, Object> batch(@PathVariable String code, @PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return view(own(code, id, jwt));
    }

    @GetMapping(PATH + "/{id}/result")
    @Operation(summary = "The result of a finished batch: CSV subject,result,reason (yes, no or invalid)")
    ResponseEntity<FileSystemResource> result(@PathVariable String code, @PathVariable long id,
                                              @AuthenticationPrincipal Jwt jwt) throws IOException {
        VerificationBatch b = own(code, id, jwt);
        Path file = batches.result(b).orElseThrow(() -> new GatewayRefusal(409, "NOT_READY",
                "share.verification.refusal.notReady", id, b.status()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-batch-" + id + ".csv\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(b.sha256())) + ":")
                .contentLength(Files.size(file))
                .body(new FileSystemResource(file));
    }

    /** The service and the caller's live grant for it — the same conditions as a single call. */
    private record Authorised(DataService service, Grant grant) {
    }

    private Authorised authorise(String code, Jwt jwt) {
        DataService service = services.current(code).filter(s -> s.kind() == ServiceKind.VERIFICATION).orElseThrow(
                () -> new GatewayRefusal(404, "UNKNOWN_SERVICE", "share.refusal.unknownService", code));
        String client = jwt.getSubject();
        Grant grant = grants.live(client, code).orElseThrow(
                () -> new GatewayRefusal(403, "NO_GRANT", "share.refusal.noGrant", client, code));
        return new Authorised(service, grant);
    }

    /** A batch of the calling client and this service; any other is not found, so that nothing leaks. */
    private VerificationBatch own(String code, long id, Jwt jwt) {
        Authorised a = authorise(code, jwt);
        return batches.find(id).filter(b -> b.serviceCode().equals(code) && a.grant().clientId().equals(b.clientId()))
                .orElseThrow(() -> new GatewayRefusal(404, "NOT_FOUND", "share.verification.refusal.noBatch", id));
    }

    static Map<String, Object> view(VerificationBatch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("service", b.serviceCode());
        m.put("version", b.serviceVersion());
        m.put("status", b.status().name());
        m.put("subjects", b.subjects());
        m.put("processed", b.processed());
        m.put("yes", b.yes());
        m.put("no", b.no());
        m.put("invalid", b.invalid());
        m.put("createdAt", b.createdAt());
        m.put("startedAt", b.startedAt());
        m.put("finishedAt", b.finishedAt());
        m.put("sha256", b.sha256());
        m.put("error", b.error());
        if (b.status() == VerificationBatch.Status.DONE) {
            m.put("result", PATH.replace("{code}", b.serviceCode()) + "/" + b.id() + "/result");
        }
        return m;
    }

    @ExceptionHandler
    ResponseEntity<Object> refused(GatewayRefusal r, HttpServletRequest request, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://banyan.dev/problems/" + r.outcome().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", messages.getMessage("share.outcome." + r.outcome(), null, r.outcome(), locale));
        body.put("status", r.status());
        body.put("detail", messages.getMessage(r.messageCode(), r.arguments(), r.messageCode(), locale));
        body.put("instance", request.getRequestURI());
        body.put("outcome", r.outcome());
        return ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
