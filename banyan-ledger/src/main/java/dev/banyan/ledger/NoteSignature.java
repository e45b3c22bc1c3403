package dev.banyan.ledger;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a C2SP signed note: the signer's key name, its 4-byte key ID and the signature bytes.
 * On the wire it is {@code — <name> <base64(keyId big-endian ‖ signature)>\n}, starting with U+2014 EM DASH.
 *
 * @param keyName   the signing key's name; non-empty, no white space, no '+'
 * @param keyId     the key ID (see {@link NoteVerifier#keyId()})
 * @param signature the signature bytes without the key ID; copied in and out
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** U+2014 EM DASH and a space: the start of every signature line. */
    public static final String PREFIX = "\u2014 ";

    public NoteSignature {
        KeyName.check(keyName);
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new IllegalArgumentException("signature by " + keyName + " is empty");
        }
        signature = signature.clone();
    }

    /** Returns a copy of the signature bytes (without the key ID). */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature line, including its final newline. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return PREFIX + keyName + " " + Base64Text.encode(payload) + "\n";
    }

    /**
     * Parses one signature line, with or without its final newline.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static NoteSignature parse(String line) {
        Objects.requireNonNull(line, "line");
        String s = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (!s.startsWith(PREFIX)) {
            throw new IllegalArgumentException("signature line must start with an em dash (U+2014) and a space: '" + s + "'");
        }
        s = s.substring(PREFIX.length());
        int space = s.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("signature line has no space between key name and signature: '" + s + "'");
        }
        String name = KeyName.check(s.substring(0, space));
        byte[] payload = Base64Text.decode(s.substring(space + 1), "signature of " + name);
        if (payload.length < 5) {
            throw new IllegalArgumentException("signature of " + name + " has " + payload.length
                    + " bytes; it needs a 4-byte key ID and at least one signature byte");
        }
        int keyId = ByteBuffer.wrap(payload).getInt();
        return new NoteSignature(name, keyId, Arrays.copyOfRange(payload, 4, payload.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature n
                && keyName.equals(n.keyName) && keyId == n.keyId && Arrays.equals(signature, n.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + KeyId.hex(keyId) + ", " + signature.length + " bytes]";
    }
}
