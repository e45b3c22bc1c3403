package dev.banyan.server.audit.internal;

import dev.banyan.ledger.Rfc6962;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import dev.banyan.server.audit.SignedCheckpoint;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence log's machine API (scope {@code audit.read}): checkpoints, entries, search, proofs and receipts.
 * Hashes are standard base64, as in checkpoints. The same log is public, without a token, under {@code /audit-log}.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Evidence log: checkpoints, entries, proofs, receipts (存证日志)")
@SecurityRequirement(name = "oauth2")
class AuditApi {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final EvidenceLog log;

    AuditApi(EvidenceLog log) {
        this.log = log;
    }

    /** A checkpoint as JSON. */
    record CheckpointView(long size, String root, String note, Instant publishedAt) {
        static CheckpointView of(SignedCheckpoint c) {
            return new CheckpointView(c.size(), B64.encodeToString(c.root()), c.note(), c.publishedAt());
        }
    }

    /** An entry as JSON: its fields, its exact bytes as text, and its leaf hash. */
    record EntryView(long index, String type, String actor, String subject, Instant time, String digest, String entry,
                     String leafHash) {
        static EntryView of(LoggedEntry e) {
            return new EntryView(e.index(), e.type(), e.actor(), e.subject(), e.time(), e.digest(), e.json(),
                    B64.encodeToString(e.leafHash()));
        }
    }

    record InclusionView(long index, long treeSize, String leafHash, List<String> proof) {
    }

    record ConsistencyView(long oldSize, long newSize, List<String> proof) {
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The latest signed checkpoint")
    CheckpointView checkpoint() {
        return CheckpointView.of(log.latestCheckpoint());
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign and publish a checkpoint of the log as it is now (unless the latest covers it)")
    CheckpointView publish() {
        return CheckpointView.of(log.publishCheckpoint());
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Checkpoint history, newest first")
    List<CheckpointView> checkpoints(@RequestParam(defaultValue = "20") int limit) {
        return log.checkpoints(limit).stream().map(CheckpointView::of).toList();
    }

    @GetMapping("/entries/{index}")
    @Operation(summary = "One entry by its index")
    EntryView entry(@PathVariable long index) {
        return EntryView.of(log.entry(index).orElseThrow(() -> new NotFoundException("audit.error.noEntry", index)));
    }

    @GetMapping("/entries")
    @Operation(summary = "Search entries by type (or a prefix ending in '.'), actor, subject and time; newest first")
    List<EntryView> search(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                           @RequestParam(required = false) String subject, @RequestParam(required = false) Instant from,
                           @RequestParam(required = false) Instant to, @RequestParam(required = false) Long before,
                           @RequestParam(defaultValue = "50") int limit) {
        return log.search(new EntryQuery(type, actor, subject, from, to, before, limit)).stream().map(EntryView::of).toList();
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "Inclusion proof of an entry, by index or by leaf hash, in the tree of the given size (default: latest checkpoint)")
    InclusionView inclusion(@RequestParam(required = false) Long index, @RequestParam(required = false) String leafHash,
                            @RequestParam(required = false) Long size) {
        long treeSize = size != null ? size : log.latestCheckpoint().size();
        long at;
        if (index != null) {
            at = index;
        } else if (leafHash != null) {
            byte[] hash = decodeHash(leafHash);
            at = log.indexOfLeafHash(hash).orElseThrow(() -> new NotFoundException("audit.error.noLeafHash", leafHash));
        } else {
            throw new InvalidInputException("index", "audit.error.indexOrLeafHash");
        }
        LoggedEntry entry = log.entry(at).orElseThrow(() -> new NotFoundException("audit.error.noEntry", at));
        List<String> proof = log.inclusionProof(at, treeSize).stream().map(B64::encodeToString).toList();
        return new InclusionView(at, treeSize, B64.encodeToString(entry.leafHash()), proof);
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "Consistency proof between two tree sizes (new defaults to the latest checkpoint)")
    ConsistencyView consistency(@RequestParam long old, @RequestParam(name = "new", required = false) Long newSize) {
        long to = newSize != null ? newSize : log.latestCheckpoint().size();
        return new ConsistencyView(old, to, log.consistencyProof(old, to).stream().map(B64::encodeToString).toList());
    }

    @GetMapping(value = "/entries/{index}/receipt", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A receipt for an entry: entry, inclusion proof and signed checkpoint (C2SP tlog-proof)")
    ResponseEntity<String> receipt(@PathVariable long index) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"banyan-evidence-" + index + ".tlog-proof\"")
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(log.receipt(index));
    }

    private static byte[] decodeHash(String base64) {
        try {
            byte[] hash = Base64.getDecoder().decode(base64.replace(' ', '+'));
            if (hash.length == Rfc6962.HASH_SIZE) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("leafHash", "audit.error.badHash", base64);
    }
}
