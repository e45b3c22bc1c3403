package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Checks a tiled log as an outsider would (日志验证): the latest checkpoint's signatures against keys the verifier
 * trusts, its consistency with a checkpoint the verifier kept from before, and — optionally — every entry re-hashed
 * into the tree, naming the first entry that does not match. Proofs are computed from the served tiles and checked
 * against the signed roots, so a dishonest server cannot pass them off.
 */
public final class LogVerifier {

    private final TiledLog log;
    private final List<NoteVerifier> trusted;

    public LogVerifier(TiledLog log, List<NoteVerifier> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a log verifier needs at least one trusted verifier key");
        }
        this.log = log;
        this.trusted = List.copyOf(trusted);
    }

    /**
     * The outcome of a verification.
     *
     * @param checkpoint    the latest checkpoint, if its note could be read
     * @param signedBy      the trusted keys whose signatures verified (names and algorithms)
     * @param consistentFrom the size of the older checkpoint proved consistent with it, or -1 if none was given
     * @param entriesChecked entries re-hashed (0 unless asked)
     * @param firstBadIndex the first entry that does not match the tiles or the signed root, or -1
     * @param problem       what failed, or null if everything verified
     */
    public record Report(Checkpoint checkpoint, List<String> signedBy, long consistentFrom, long entriesChecked,
                         long firstBadIndex, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Verifies the latest checkpoint.
     *
     * @param olderNote      a checkpoint kept from an earlier verification, or null
     * @param rehashEntries  whether to fetch and re-hash every entry
     * @param progress       told the number of entries re-hashed so far
     */
    public Report verify(String olderNote, boolean rehashEntries, LongConsumer progress) {
        Checkpoint latest;
        List<String> signedBy = new ArrayList<>();
        try {
            SignedNote note = SignedNote.parse(log.checkpoint());
            for (NoteVerifier v : note.verify(trusted)) {
                signedBy.add(v.keyName() + " (" + v.algorithm() + ")");
            }
            latest = Checkpoint.parse(note.text());
        } catch (RuntimeException e) {
            return new Report(null, signedBy, -1, 0, -1, "the latest checkpoint does not verify: " + e.getMessage());
        }
        long consistentFrom = -1;
        if (olderNote != null) {
            Checkpoint older;
            try {
                SignedNote note = SignedNote.parse(olderNote);
                note.verify(trusted);
                older = Checkpoint.parse(note.text());
            } catch (RuntimeException e) {
                return new Report(latest, signedBy, -1, 0, -1, "the older checkpoint does not verify: " + e.getMessage());
            }
            if (!older.origin().equals(latest.origin())) {
                return new Report(latest, signedBy, -1, 0, -1, "the older checkpoint is of another log: " + older.origin());
            }
            if (older.size() > latest.size()) {
                return new Report(latest, signedBy, -1, 0, -1, "the log shrank from " + older.size() + " to " + latest.size() + " entries");
            }
            try {
                List<byte[]> proof = new TiledTree(log::hashTile).consistencyProof(older.size(), latest.size());
                if (!ConsistencyProof.verify(older.size(), latest.size(), older.root(), latest.root(), proof)) {
                    return new Report(latest, signedBy, -1, 0, -1, "the log of " + latest.size()
                            + " entries is not an extension of the older one of " + older.size() + ": it was rewritten");
                }
            } catch (RuntimeException e) {
                return new Report(latest, signedBy, -1, 0, -1, "cannot prove consistency with the older checkpoint: " + e.getMessage());
            }
            consistentFrom = older.size();
        }
        if (!rehashEntries) {
            return new Report(latest, signedBy, consistentFrom, 0, -1, null);
        }
        return rehash(latest, signedBy, consistentFrom, progress);
    }

    private Report rehash(Checkpoint latest, List<String> signedBy, long consistentFrom, LongConsumer progress) {
        LogTree tree = new LogTree();
        long size = latest.size();
        for (long tile = 0; tile * 256 < size; tile++) {
            int width = (int) Math.min(256, size - tile * 256);
            long first = tile * 256;
            List<byte[]> entries;
            byte[] served;
            try {
                entries = EntryBundle.decode(log.entryBundle(tile, width));
                served = log.hashTile(0, tile, width);
            } catch (RuntimeException e) {
                return new Report(latest, signedBy, consistentFrom, first, first, "cannot read entries from " + first + ": " + e.getMessage());
            }
            if (entries.size() != width) {
                return new Report(latest, signedBy, consistentFrom, first, first, "entry bundle " + tile + " has "
                        + entries.size() + " entries instead of " + width);
            }
            for (int i = 0; i < width; i++) {
                byte[] leaf = Rfc6962.leafHash(entries.get(i));
                byte[] tileHash = Arrays.copyOfRange(served, i * 32, i * 32 + 32);
                if (!Arrays.equals(leaf, tileHash)) {
                    return new Report(latest, signedBy, consistentFrom, first + i, first + i, "entry " + (first + i)
                            + " does not match its leaf hash: it hashes to " + HexFormat.of().formatHex(leaf)
                            + ", the log recorded " + HexFormat.of().formatHex(tileHash));
                }
                for (TileContent done : tree.append(leaf)) {
                    if (done.tile().level() > 0) {
                        continue;
                    }
                    // A rewritten entry whose leaf hash was rewritten too shows in the level above.
                    byte[] above = log.hashTile(1, done.tile().index() / 256, (int) (done.tile().index() % 256) + 1);
                    byte[] recorded = Arrays.copyOfRange(above, above.length - 32, above.length);
                    if (!Arrays.equals(recorded, Rfc6962.rootOfFullTile(done.hashes()))) {
                        return new Report(latest, signedBy, consistentFrom, first + i + 1, done.tile().index() * 256,
                                "entries " + done.tile().index() * 256 + "–" + (done.tile().index() * 256 + 255)
                                        + " do not hash to the tile recorded above them: one of them was rewritten");
                    }
                }
            }
            progress.accept(first + width);
        }
        if (!Arrays.equals(tree.root(), latest.root())) {
            return new Report(latest, signedBy, consistentFrom, size, -1,
                    "the entries hash to a root different from the signed checkpoint's: the log was rewritten");
        }
        return new Report(latest, signedBy, consistentFrom, size, -1, null);
    }

    /**
     * Checks a receipt (C2SP tlog-proof whose {@code extra} is the entry) on its own: the checkpoint's signatures,
     * and the entry's inclusion under its root. Needs no access to the log.
     *
     * @return the checkpoint the entry is proved in
     * @throws ProofException if the receipt does not prove what it claims
     */
    public static Checkpoint verifyReceipt(String receipt, List<NoteVerifier> trusted) {
        TlogProof proof;
        try {
            proof = TlogProof.parse(receipt);
        } catch (IllegalArgumentException e) {
            throw new ProofException("the receipt is not a tlog-proof: " + e.getMessage());
        }
        if (proof.extra() == null) {
            throw new ProofException("the receipt carries no entry (its extra line is missing)");
        }
        Checkpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(proof.checkpoint());
            note.verify(trusted);
            checkpoint = Checkpoint.parse(note.text());
        } catch (RuntimeException e) {
            throw new ProofException("the receipt's checkpoint does not verify: " + e.getMessage());
        }
        if (!InclusionProof.verify(proof.index(), checkpoint.size(), Rfc6962.leafHash(proof.extra()), proof.path(), checkpoint.root())) {
            throw new ProofException("entry " + proof.index() + " is not included in the log of " + checkpoint.size()
                    + " entries signed in the receipt: the entry or the proof was altered");
        }
        return checkpoint;
    }
}
