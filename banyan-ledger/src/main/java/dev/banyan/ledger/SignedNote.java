package dev.banyan.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A C2SP signed note (c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, and one or more
 * signature lines, each {@code — <key name> <base64(key ID ‖ signature)>}. The signatures cover exactly the
 * text's UTF-8 bytes, final newline included. Checkpoints are the main kind of note.
 *
 * <p>Verification follows the spec: signatures by unknown keys (name and key ID not among the given
 * verifiers) are ignored; a signature by a known key that does not verify rejects the note; at least one
 * known key must have signed it. Immutable.
 */
public final class SignedNote {

    /** The most signature lines parsed, the limit of Go's sumdb/note (the spec asks for at least 16). */
    public static final int MAX_SIGNATURES = 100;

    private final String text;
    private final List<NoteSignature> signatures;

    /**
     * @throws IllegalArgumentException if the text is empty, does not end with a newline, contains control
     *                                  characters, or there are no signatures
     */
    public SignedNote(String text, List<NoteSignature> signatures) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signatures, "signatures");
        checkText(text);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note needs at least one signature");
        }
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** The signed text, ending in a newline. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The note as published: text, blank line, signature lines. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            sb.append(signature.line());
        }
        return sb.toString();
    }

    /** {@link #format()} as UTF-8 bytes. */
    public byte[] formatUtf8() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs {@code text} with each signer, in order.
     *
     * @throws IllegalArgumentException if the text is not a valid note text or no signer is given
     */
    public static SignedNote sign(String text, List<? extends NoteSigner> signers) {
        Objects.requireNonNull(text, "text");
        checkText(text);
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("no signer given");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.keyName(), signer.keyId(), signer.sign(message)));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Parses a note. The text ends at the last blank line, so the text itself may contain blank lines.
     *
     * @throws IllegalArgumentException naming the line that is malformed
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        NoteText.checkCharacters(note, "note");
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("note must end with a newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("note has no blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("note has no signature lines after its last blank line");
        }
        int firstLine = (int) text.chars().filter(c -> c == '\n').count() + 2;
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("note has " + lines.length + " signatures, more than " + MAX_SIGNATURES);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            try {
                signatures.add(NoteSignature.parse(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("note line " + (firstLine + i) + ": " + e.getMessage(), e);
            }
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Parses a note from bytes that must be valid UTF-8 (as received over HTTP).
     *
     * @throws IllegalArgumentException if the bytes are not UTF-8 or the note is malformed
     */
    public static SignedNote parse(byte[] utf8) {
        try {
            String note = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
            return parse(note);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("note is not valid UTF-8: " + e.getMessage());
        }
    }

    /**
     * Verifies the note against the known keys.
     *
     * @param known the trusted verifiers; keys are matched on (name, key ID)
     * @return the known verifiers whose signatures verified, in signature order, each once
     * @throws NoteVerificationException if a known key's signature does not verify, or no known key signed
     * @throws IllegalArgumentException  if two different known keys share a name and key ID (ambiguous)
     */
    public List<NoteVerifier> verify(List<NoteVerifier> known) {
        Objects.requireNonNull(known, "known");
        Map<String, NoteVerifier> byNameAndId = new HashMap<>();
        for (NoteVerifier verifier : known) {
            NoteVerifier previous = byNameAndId.putIfAbsent(nameAndId(verifier.keyName(), verifier.keyId()), verifier);
            if (previous != null && !previous.equals(verifier)) {
                throw new IllegalArgumentException("two known keys share the name and key ID "
                        + verifier.keyName() + "+" + KeyId.hex(verifier.keyId()));
            }
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Set<NoteVerifier> verified = new LinkedHashSet<>();
        for (NoteSignature signature : signatures) {
            NoteVerifier verifier = byNameAndId.get(nameAndId(signature.keyName(), signature.keyId()));
            if (verifier == null) {
                continue; // unknown key: the spec says ignore, e.g. a witness or algorithm we don't trust
            }
            if (!verifier.verify(message, signature.signature())) {
                throw new NoteVerificationException("invalid " + verifier.algorithm() + " signature by "
                        + signature.keyName() + "+" + KeyId.hex(signature.keyId()));
            }
            verified.add(verifier);
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException("no signature by a known key: note is signed by "
                    + signatures.stream().map(s -> s.keyName() + "+" + KeyId.hex(s.keyId())).collect(Collectors.joining(", "))
                    + "; known keys are "
                    + (known.isEmpty() ? "none" : known.stream().map(v -> v.keyName() + "+" + KeyId.hex(v.keyId()))
                            .collect(Collectors.joining(", "))));
        }
        return List.copyOf(verified);
    }

    /** Verifies with the given keys; see {@link #verify(List)}. */
    public List<NoteVerifier> verify(NoteVerifier... known) {
        return verify(List.of(known));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedNote n && text.equals(n.text) && signatures.equals(n.signatures);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + signatures.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String nameAndId(String name, int keyId) {
        // '+' cannot occur in a key name, so this is unambiguous.
        return name + "+" + keyId;
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        NoteText.checkCharacters(text, "note text");
    }
}
