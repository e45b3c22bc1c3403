package dev.banyan.server.audit.internal;

import dev.banyan.ledger.EntryBundle;
import dev.banyan.ledger.Tile;
import dev.banyan.server.audit.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence log served read-only to anyone, in the C2SP tlog-tiles layout (公开验证接口): the latest
 * checkpoint, hash tiles, entry bundles and the verifier key, so that any tlog client can check the log without
 * Banyan's code and without an account. Hash tiles are also served under Go's {@code tile/8/<L>/<N>} paths.
 */
@RestController
@RequestMapping(TlogTilesEndpoint.PREFIX)
class TlogTilesEndpoint {

    static final String PREFIX = "/audit-log";
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final TiledEvidenceLog log;
    private final LogStore store;

    TlogTilesEndpoint(TiledEvidenceLog log, LogStore store) {
        this.log = log;
        this.store = store;
    }

    @GetMapping("/checkpoint")
    ResponseEntity<String> checkpoint() {
        SignedCheckpoint latest = log.latestCheckpoint();
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofSeconds(1))).body(latest.note());
    }

    /** The Ed25519 verifier key, {@code name+keyid+base64}, as tlog clients expect. */
    @GetMapping("/verifier-key")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).body(log.verifierKeys().getFirst() + "\n");
    }

    /** Every verifier key, one a line: Ed25519, then SM2. */
    @GetMapping("/verifier-keys")
    ResponseEntity<String> verifierKeys() {
        return ResponseEntity.ok().contentType(TEXT).body(String.join("\n", log.verifierKeys()) + "\n");
    }

    @GetMapping("/tile/entries/{*path}")
    ResponseEntity<byte[]> entries(@PathVariable String path) {
        Tile tile;
        try {
            tile = Tile.parseEntries("tile/entries" + path);
        } catch (IllegalArgumentException e) {
            return badPath(e);
        }
        List<byte[]> entries = store.entries(tile.index());
        if (entries.size() < tile.width()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE)
                .body(EntryBundle.encode(entries.subList(0, tile.width())));
    }

    @GetMapping("/tile/{*path}")
    ResponseEntity<byte[]> hashes(@PathVariable String path) {
        Tile tile;
        try {
            tile = Tile.parse("tile" + goToC2sp(path));
        } catch (IllegalArgumentException e) {
            return badPath(e);
        }
        Optional<byte[]> stored = store.hashTile(tile.level(), tile.index());
        int bytes = tile.width() * 32;
        if (stored.isEmpty() || stored.get().length < bytes) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE)
                .body(java.util.Arrays.copyOf(stored.get(), bytes));
    }

    /** Go's sumdb/tlog names hash tiles {@code tile/8/<L>/<N>}, with the tile height first; C2SP leaves it out. */
    static String goToC2sp(String path) {
        String[] parts = path.split("/");
        // "/8/0/x001/234": parts = ["", "8", "0", ...]; a C2SP level-8 tile has a three-digit group after the 8.
        if (parts.length >= 4 && parts[1].equals("8") && parts[2].matches("\\d{1,2}")) {
            return path.substring(2);
        }
        return path;
    }

    private static <T> ResponseEntity<T> badPath(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).header("X-Banyan-Reason", e.getMessage().replaceAll("[^\\x20-\\x7e]", "?")).build();
    }
}
