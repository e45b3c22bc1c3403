package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-proof (c2sp.org/tlog-proof@v1, file extension {@code .tlog-proof}): an offline-verifiable
 * receipt that an entry is in a log, made of an optional opaque {@code extra}, the entry's index, its RFC 6962
 * inclusion path and the signed checkpoint the path leads to. Banyan hands it out as the audit receipt, with
 * {@code extra} = the entry bytes, which a verifier hashes itself (the spec leaves extra unauthenticated).
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;
 * index &lt;n&gt;
 * &lt;base64 hash, leaf's sibling first&gt;
 * ...
 *
 * &lt;signed checkpoint, verbatim&gt;
 * </pre>
 *
 * To verify: recompute the leaf hash from the entry, check the checkpoint's signatures and origin, then the
 * inclusion path against the checkpoint's root and size.
 *
 * @param extra      opaque extra data, or null when absent (an empty array is treated as absent); copied
 * @param index      zero-based entry index, less than the checkpoint's tree size
 * @param path       inclusion path, 32-byte hashes from the leaf's sibling up to the root's child; copied
 * @param checkpoint the signed checkpoint note, verbatim (text, blank line, signature lines)
 */
public record TlogProof(byte[] extra, long index, List<byte[]> path, String checkpoint) {

    /** First line of every proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    // An inclusion path in a tree of at most 2^63 entries has at most 63 hashes.
    private static final int MAX_PATH = 63;
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    /**
     * @throws IllegalArgumentException if a hash is not 32 bytes, the checkpoint is not a signed checkpoint,
     *                                  or the index is not inside its tree
     */
    public TlogProof {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(checkpoint, "checkpoint");
        extra = extra == null || extra.length == 0 ? null : extra.clone();
        if (index < 0) {
            throw new IllegalArgumentException("tlog-proof index is negative: " + index);
        }
        if (path.size() > MAX_PATH) {
            throw new IllegalArgumentException("tlog-proof inclusion path has " + path.size() + " hashes, more than " + MAX_PATH);
        }
        List<byte[]> copy = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            byte[] hash = path.get(i);
            if (hash == null || hash.length != Checkpoint.HASH_SIZE) {
                throw new IllegalArgumentException("tlog-proof path hash " + (i + 1) + " must be "
                        + Checkpoint.HASH_SIZE + " bytes, got " + (hash == null ? "null" : hash.length));
            }
            copy.add(hash.clone());
        }
        path = List.copyOf(copy);
        Checkpoint body;
        try {
            body = Checkpoint.parse(SignedNote.parse(checkpoint).text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tlog-proof checkpoint: " + e.getMessage(), e);
        }
        if (index >= body.size()) {
            throw new IllegalArgumentException("tlog-proof index " + index + " is outside the checkpoint's tree of size "
                    + body.size());
        }
    }

    /** A proof for {@code note}, a signed checkpoint. */
    public TlogProof(byte[] extra, long index, List<byte[]> path, SignedNote note) {
        this(extra, index, path, note.format());
    }

    /** Returns a copy of the extra data, or null. */
    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    /** Returns copies of the path hashes. */
    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    /** The checkpoint as a signed note (verify it with {@link SignedNote#verify(List)}). */
    public SignedNote checkpointNote() {
        return SignedNote.parse(checkpoint);
    }

    /** The checkpoint body: origin, tree size, root. Not verified by this call. */
    public Checkpoint checkpointBody() {
        return Checkpoint.parse(checkpointNote().text());
    }

    /** The proof text. */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            sb.append("extra ").append(Base64Text.encode(extra)).append('\n');
        }
        sb.append("index ").append(index).append('\n');
        for (byte[] hash : path) {
            sb.append(Base64Text.encode(hash)).append('\n');
        }
        return sb.append('\n').append(checkpoint).toString();
    }

    /**
     * Parses a proof.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static TlogProof parse(String text) {
        Objects.requireNonNull(text, "text");
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("tlog-proof has no blank line before the checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        String checkpoint = text.substring(blank + 2);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("tlog-proof line 1: expected '" + HEADER + "', got '" + visible(lines[0]) + "'");
        }
        int next = 1;
        byte[] extra = null;
        if (next < lines.length && lines[next].startsWith("extra ")) {
            extra = Base64Text.decode(lines[next].substring("extra ".length()), "tlog-proof line " + (next + 1) + ": extra");
            next++;
        }
        if (next >= lines.length || !lines[next].startsWith("index ")) {
            throw new IllegalArgumentException("tlog-proof line " + (next + 1) + ": expected 'index <n>'"
                    + (next < lines.length ? ", got '" + visible(lines[next]) + "'" : ""));
        }
        String number = lines[next].substring("index ".length());
        if (!DECIMAL.matcher(number).matches()) {
            throw new IllegalArgumentException("tlog-proof line " + (next + 1)
                    + ": index must be a decimal number without leading zeros, got '" + visible(number) + "'");
        }
        long index;
        try {
            index = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tlog-proof line " + (next + 1) + ": index " + number + " is too large");
        }
        next++;
        List<byte[]> path = new ArrayList<>();
        for (; next < lines.length; next++) {
            byte[] hash = Base64Text.decode(lines[next], "tlog-proof line " + (next + 1) + ": inclusion path hash");
            if (hash.length != Checkpoint.HASH_SIZE) {
                throw new IllegalArgumentException("tlog-proof line " + (next + 1) + ": inclusion path hash must be "
                        + Checkpoint.HASH_SIZE + " bytes, got " + hash.length);
            }
            path.add(hash);
        }
        if (checkpoint.isEmpty()) {
            throw new IllegalArgumentException("tlog-proof has no checkpoint after the blank line");
        }
        return new TlogProof(extra, index, path, checkpoint);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TlogProof p) || index != p.index || !Arrays.equals(extra, p.extra)
                || !checkpoint.equals(p.checkpoint) || path.size() != p.path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!Arrays.equals(path.get(i), p.path.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(index, checkpoint, Arrays.hashCode(extra));
        for (byte[] hash : path) {
            h = h * 31 + Arrays.hashCode(hash);
        }
        return h;
    }

    @Override
    public String toString() {
        return "TlogProof[index=" + index + ", path=" + path.size() + " hashes, extra="
                + (extra == null ? "none" : extra.length + " bytes") + ", checkpoint=" + checkpoint.lines().findFirst().orElse("")
                + "]";
    }

    private static String visible(String s) {
        return s.replace("\r", "\\r").replace("\t", "\\t");
    }
}
