package dev.banyan.server.audit.internal;

import dev.banyan.ledger.Checkpoint;
import dev.banyan.ledger.LogVerifier;
import dev.banyan.ledger.NoteVerifier;
import dev.banyan.ledger.ProofException;
import dev.banyan.ledger.TlogProof;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.LoggedEntry;
import dev.banyan.server.audit.SignedCheckpoint;
import dev.banyan.server.platform.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The auditor's console (审计台): browse and search the evidence log, read an entry with its payload and proof,
 * download its receipt, verify a receipt someone hands in, check the whole log, and see the checkpoint history.
 */
@Controller
@RequestMapping("/console/audit")
class AuditConsole {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TiledEvidenceLog log;
    private final LogStore store;

    AuditConsole(TiledEvidenceLog log, LogStore store) {
        this.log = log;
        this.store = store;
    }

    /** Where this Banyan is reached, for the command lines the pages show. */
    @org.springframework.web.bind.annotation.ModelAttribute("baseUrl")
    String baseUrl() {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    @GetMapping
    String entries(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                   @RequestParam(required = false) String subject,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) Long before, Model model) {
        EntryQuery query = new EntryQuery(type, actor, subject,
                from == null ? null : from.atStartOfDay(CHINA).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toInstant(), before, 50);
        List<LoggedEntry> found = log.search(query);
        model.addAttribute("entries", found);
        model.addAttribute("query", query);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        model.addAttribute("older", found.size() == query.limit() ? found.getLast().index() : null);
        model.addAttribute("size", log.size());
        model.addAttribute("checkpoint", store.latestCheckpoint().orElse(null));
        model.addAttribute("verifierKeys", log.verifierKeys());
        model.addAttribute("origin", log.origin());
        return "audit/entries";
    }

    @GetMapping("/entries/{index}")
    String entry(@PathVariable long index, Model model) {
        LoggedEntry entry = log.entry(index).orElseThrow(() -> new NotFoundException("audit.error.noEntry", index));
        String payload = log.payload(index).orElse(null);
        model.addAttribute("entry", entry);
        model.addAttribute("payload", payload);
        model.addAttribute("payloadMatches", payload != null && EntryFormat.digest(payload).equals(entry.digest()));
        model.addAttribute("leafHash", HexFormat.of().formatHex(entry.leafHash()));
        store.latestCheckpoint().filter(c -> c.size() > index).ifPresent(c -> {
            model.addAttribute("checkpoint", c);
            model.addAttribute("proof", log.inclusionProof(index, c.size()).stream().map(HexFormat.of()::formatHex).toList());
        });
        return "audit/entry";
    }

    @GetMapping("/entries/{index}/receipt")
    ResponseEntity<String> receipt(@PathVariable long index) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"banyan-evidence-" + index + ".tlog-proof\"")
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(log.receipt(index));
    }

    @GetMapping("/checkpoints")
    String checkpoints(Model model) {
        List<SignedCheckpoint> history = log.checkpoints(100);
        model.addAttribute("checkpoints", history);
        model.addAttribute("roots", history.stream().map(c -> Base64.getEncoder().encodeToString(c.root())).toList());
        return "audit/checkpoints";
    }

    @PostMapping("/checkpoints")
    String publish() {
        log.publishCheckpoint();
        return "redirect:/console/audit/checkpoints";
    }

    @GetMapping("/verify")
    String verifyForm() {
        return "audit/verify";
    }

    /** Checks a receipt against this log's keys, then that its checkpoint is consistent with the log now. */
    @PostMapping("/verify")
    String verifyReceipt(@RequestParam(required = false) String receipt, @RequestParam(required = false) MultipartFile file,
                         Model model) throws java.io.IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : receipt;
        model.addAttribute("receipt", text);
        if (text == null || text.isBlank()) {
            model.addAttribute("receiptProblem", "audit.verify.empty");
            return "audit/verify";
        }
        List<NoteVerifier> keys = log.verifierKeys().stream().map(NoteVerifier::parse).toList();
        try {
            Checkpoint checkpoint = LogVerifier.verifyReceipt(text.replace("\r\n", "\n"), keys);
            TlogProof proof = TlogProof.parse(text.replace("\r\n", "\n"));
            model.addAttribute("receiptOk", true);
            model.addAttribute("receiptIndex", proof.index());
            model.addAttribute("receiptSize", checkpoint.size());
            model.addAttribute("receiptEntry", new String(proof.extra(), StandardCharsets.UTF_8));
            SignedCheckpoint latest = log.latestCheckpoint();
            boolean consistent = latest.size() >= checkpoint.size() && dev.banyan.ledger.ConsistencyProof.verify(
                    checkpoint.size(), latest.size(), checkpoint.root(), latest.root(),
                    log.consistencyProof(checkpoint.size(), latest.size()));
            model.addAttribute("receiptConsistent", consistent);
            model.addAttribute("latestSize", latest.size());
        } catch (ProofException e) {
            model.addAttribute("receiptOk", false);
            model.addAttribute("receiptError", e.getMessage());
        }
        return "audit/verify";
    }

    /** Re-hashes every entry with the verifier that {@code ./banyan audit verify} uses, reading the tables directly. */
    @PostMapping("/verify-log")
    String verifyLog(Model model) {
        List<NoteVerifier> keys = log.verifierKeys().stream().map(NoteVerifier::parse).toList();
        log.publishCheckpoint();
        LogVerifier.Report report = new LogVerifier(new StoredTiledLog(log, store), keys).verify(null, true, n -> { });
        model.addAttribute("report", report);
        return "audit/verify";
    }
}
