package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import org.mozilla.universalchardet.UniversalDetector;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides the character encoding of a text file: a byte-order mark wins; then an explicit override; then UTF-8 if the
 * first megabyte is valid UTF-8; then the juniversalchardet guess (GBK/GB2312 read as their superset GB18030);
 * then GB18030 if the sample decodes in it; else an error asking for the encoding option.
 */
final class Encodings {

    /** How much of the file is looked at. */
    static final int SAMPLE = 1 << 20;

    static final Charset GB18030 = Charset.forName("GB18030");

    private Encodings() {
    }

    /**
     * The decision.
     *
     * @param charset the encoding to decode with
     * @param bom     bytes of byte-order mark to skip
     * @param how     how it was decided, for {@link dev.banyan.server.ingest.SourceReader#description()}
     */
    record Decision(Charset charset, int bom, String how) {
    }

    /**
     * Looks at the start of {@code in} (which must support mark/reset with at least {@link #SAMPLE} bytes) and leaves
     * it positioned after any byte-order mark.
     */
    static Decision decide(BufferedInputStream in, Charset override, String source) throws IOException {
        in.mark(SAMPLE + 8);
        byte[] sample = in.readNBytes(SAMPLE);
        boolean truncated = in.read() >= 0;
        in.reset();
        Decision d = decide(sample, truncated, override, source);
        in.skipNBytes(d.bom());
        return d;
    }

    static Decision decide(byte[] sample, boolean truncated, Charset override, String source) {
        int n = sample.length;
        if (n >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB && (sample[2] & 0xff) == 0xBF) {
            if (override != null && !override.equals(StandardCharsets.UTF_8)) {
                return new Decision(override, 0, override.name() + " (given; the file starts with a UTF-8 byte-order mark)");
            }
            return new Decision(StandardCharsets.UTF_8, 3, "UTF-8 (byte-order mark)");
        }
        if (n >= 2 && (sample[0] & 0xff) == 0xFE && (sample[1] & 0xff) == 0xFF) {
            return new Decision(StandardCharsets.UTF_16BE, 2, "UTF-16BE (byte-order mark)");
        }
        if (n >= 2 && (sample[0] & 0xff) == 0xFF && (sample[1] & 0xff) == 0xFE) {
            return new Decision(StandardCharsets.UTF_16LE, 2, "UTF-16LE (byte-order mark)");
        }
        if (override != null) {
            return new Decision(override, 0, override.name() + " (given)");
        }
        if (decodes(sample, StandardCharsets.UTF_8, truncated)) {
            return new Decision(StandardCharsets.UTF_8, 0, "UTF-8 (detected)");
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, n);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        Charset guessed = null;
        if (guess != null) {
            String g = guess.toUpperCase(Locale.ROOT);
            if (g.equals("GB18030") || g.equals("GBK") || g.equals("GB2312") || g.equals("HZ-GB-2312")) {
                guessed = GB18030;
            } else if (Charset.isSupported(guess)) {
                guessed = Charset.forName(guess);
            }
        }
        if (guessed != null && (guessed.equals(GB18030) || guessed.name().equalsIgnoreCase("Big5"))
                && decodes(sample, guessed, truncated)) {
            return new Decision(guessed, 0, guessed.name() + " (detected)");
        }
        if (decodes(sample, GB18030, truncated)) {
            return new Decision(GB18030, 0, "GB18030 (not UTF-8; decodes as GB18030)");
        }
        if (guessed != null && decodes(sample, guessed, truncated)) {
            return new Decision(guessed, 0, guessed.name() + " (detected)");
        }
        throw new SourceException(SourceErrorCode.ENCODING, source, null,
                "the character encoding cannot be detected: the file is neither UTF-8 nor GBK/GB18030"
                        + (guess == null ? "" : " (it looks like " + guess + ")"),
                "set the encoding option to the file's encoding (e.g. encoding=GBK, encoding=Big5).");
    }

    /** Whether the sample decodes strictly; a multi-byte sequence cut at the end of a truncated sample is allowed. */
    static boolean decodes(byte[] sample, Charset charset, boolean truncated) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, !truncated);
            if (r.isError()) {
                return false;
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            break;
        }
        if (!truncated) {
            out.clear();
            return !decoder.flush(out).isError();
        }
        return true;
    }

    /** A reader that fails on bytes that are not valid in the charset instead of replacing them. */
    static Reader strictReader(InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The decoding error in an exception's cause chain, if any. */
    static CharacterCodingException codingError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CharacterCodingException cce) {
                return cce;
            }
        }
        return null;
    }

    static SourceException wrongEncoding(String source, String where, Decision decision, Throwable cause) {
        String fix = decision.charset().equals(StandardCharsets.UTF_8)
                ? "set the encoding option to the file's encoding (e.g. encoding=GBK), or save the file as UTF-8."
                : "set the encoding option to the file's real encoding, or save the file as UTF-8.";
        return new SourceException(SourceErrorCode.ENCODING, source, where,
                "the bytes are not valid " + decision.charset().name() + " (encoding " + decision.how()
                        + "); nothing from this file should be kept", fix, cause);
    }
}
