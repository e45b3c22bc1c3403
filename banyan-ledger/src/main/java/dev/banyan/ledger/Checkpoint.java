package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of a C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the log's origin line, the tree size and the
 * RFC 6962 root hash of the tree of that size, plus optional extension lines. This is the text a log signs
 * as a {@link SignedNote}; the signatures are not part of it.
 *
 * <pre>
 * example.com/log
 * 7
 * 3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=
 * </pre>
 *
 * @param origin     unique identifier of the log, a schema-less URL; the log's key name should equal it
 * @param size       number of entries in the tree, at least 0
 * @param root       the 32-byte Merkle tree hash; the record copies it in and out
 * @param extensions optional non-empty extra lines (NOT RECOMMENDED by the spec); never null
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

    /** Length of a SHA-256 root hash. */
    public static final int HASH_SIZE = 32;

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    /**
     * @throws IllegalArgumentException if a field cannot appear in a checkpoint
     */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("checkpoint origin is empty");
        }
        if (origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("checkpoint origin contains a newline");
        }
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint tree size is negative: " + size);
        }
        if (root.length != HASH_SIZE) {
            throw new IllegalArgumentException("checkpoint root hash must be " + HASH_SIZE + " bytes, got " + root.length);
        }
        root = root.clone();
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        for (int i = 0; i < extensions.size(); i++) {
            String line = extensions.get(i);
            if (line.isEmpty() || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("checkpoint extension " + (i + 1) + " must be one non-empty line");
            }
        }
        NoteText.checkCharacters(origin, "checkpoint origin");
        for (String line : extensions) {
            NoteText.checkCharacters(line, "checkpoint extension");
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    /** Returns a copy of the 32-byte root hash. */
    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note text: origin, size, base64 root and extension lines, each ending in a newline. */
    public String text() {
        StringBuilder sb = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64Text.encode(root)).append('\n');
        for (String line : extensions) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** Signs {@link #text()} with the given keys; the log's own key should come first. */
    public SignedNote sign(List<? extends NoteSigner> signers) {
        return SignedNote.sign(text(), signers);
    }

    /**
     * Parses a checkpoint note text (a {@link SignedNote#text()}, not the whole signed note).
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        NoteText.checkCharacters(text, "checkpoint");
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("checkpoint needs at least 3 lines (origin, tree size, root hash), got "
                    + lines.length + (text.contains("\n\n") ? "; is this a whole signed note instead of its text?" : ""));
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("checkpoint line 1: origin is empty");
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("checkpoint line 2: tree size must be a decimal number without leading zeros, got '"
                    + lines[1] + "'");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint line 2: tree size " + lines[1] + " is larger than " + Long.MAX_VALUE);
        }
        byte[] root = Base64Text.decode(lines[2], "checkpoint line 3: root hash");
        if (root.length != HASH_SIZE) {
            throw new IllegalArgumentException("checkpoint line 3: root hash must be " + HASH_SIZE + " bytes, got " + root.length);
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("checkpoint line " + (i + 1) + ": extension lines must not be empty");
            }
            extensions.add(lines[i]);
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && origin.equals(c.origin) && size == c.size
                && Arrays.equals(root, c.root) && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", size=" + size + ", root=" + Base64Text.encode(root)
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions) + "]";
    }
}
