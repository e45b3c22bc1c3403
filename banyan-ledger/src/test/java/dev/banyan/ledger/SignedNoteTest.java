package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    /** c2sp.org/signed-note example; the verifier key is quoted in transparency-log.md §5. */
    static final String SPEC_NOTE = "This is an example message.\n\n"
            + "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    private static final Ed25519NoteSigner ED = Ed25519NoteSigner.fromSeed("gov.example/ledger", Ed25519NoteSignerTest.referenceSeed());
    private static final Sm2NoteSigner SM2 = Sm2NoteSigner.generate("gov.example/ledger");
    private static final Ed25519NoteSigner WITNESS = Ed25519NoteSigner.generate("witness.example");

    @Test
    void verifiesTheSpecExample() {
        SignedNote note = SignedNote.parse(SPEC_NOTE);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyName()).isEqualTo("example.com/foo");
            assertThat(s.keyId()).isEqualTo(0x530d903a);
            assertThat(s.signature()).hasSize(64);
        });
        NoteVerifier verifier = NoteVerifier.parse(NoteVerifierTest.SPEC_VKEY);
        assertThat(note.verify(List.of(verifier))).containsExactly(verifier);
        assertThat(note.format()).isEqualTo(SPEC_NOTE);
        assertThat(SignedNote.parse(SPEC_NOTE.getBytes(StandardCharsets.UTF_8))).isEqualTo(note);

        SignedNote tampered = SignedNote.parse(SPEC_NOTE.replace("example message", "example massage"));
        assertThatThrownBy(() -> tampered.verify(List.of(verifier)))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("invalid Ed25519 signature by example.com/foo+530d903a");
    }

    @Test
    void ed25519AndSm2SignaturesEachVerifyAlone() {
        String text = "gov.example/ledger\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        String published = SignedNote.sign(text, List.of(ED, SM2)).format();
        SignedNote note = SignedNote.parse(published);
        assertThat(note.signatures()).hasSize(2);

        NoteVerifier ed = NoteVerifier.parse(ED.verifierKey());
        NoteVerifier sm2 = NoteVerifier.parse(SM2.verifierKey());
        assertThat(note.verify(List.of(ed))).containsExactly(ed);
        assertThat(note.verify(List.of(sm2))).containsExactly(sm2);
        assertThat(note.verify(List.of(sm2, ed))).containsExactly(ed, sm2);
        // A known witness that did not sign is simply not in the result.
        assertThat(note.verify(ed, WITNESS.verifier())).containsExactly(ed);
    }

    @Test
    void unknownKeysAreIgnored() {
        String text = "hello\n";
        SignedNote note = SignedNote.sign(text, List.of(WITNESS, ED));
        // An extra signature with a known name but another key ID (e.g. a rotated key) is unknown too.
        NoteSignature stray = new NoteSignature(ED.keyName(), ED.keyId() ^ 1, new byte[64]);
        SignedNote withStray = new SignedNote(text, List.of(stray, note.signatures().get(0), note.signatures().get(1)));
        assertThat(withStray.verify(List.of(ED.verifier()))).containsExactly(ED.verifier());
    }

    @Test
    void failsWhenAKnownKeySignatureIsBad() {
        SignedNote note = SignedNote.sign("hello\n", List.of(ED, WITNESS));
        byte[] bad = note.signatures().get(1).signature();
        bad[0] ^= 1;
        SignedNote forged = new SignedNote("hello\n", List.of(note.signatures().get(0),
                new NoteSignature(WITNESS.keyName(), WITNESS.keyId(), bad)));
        // Still fine if the witness is unknown ...
        assertThat(forged.verify(List.of(ED.verifier()))).containsExactly(ED.verifier());
        // ... but a known key with a bad signature rejects the note even though another key verified.
        assertThatThrownBy(() -> forged.verify(List.of(ED.verifier(), WITNESS.verifier())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage("invalid Ed25519 signature by witness.example+" + String.format("%08x", WITNESS.keyId()));
    }

    @Test
    void failsWhenNoKnownKeySigned() {
        SignedNote note = SignedNote.sign("hello\n", List.of(WITNESS));
        assertThatThrownBy(() -> note.verify(List.of(ED.verifier(), SM2.verifier())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("no signature by a known key")
                .hasMessageContaining("witness.example+")
                .hasMessageContaining("gov.example/ledger+" + String.format("%08x", ED.keyId()));
        assertThatThrownBy(() -> note.verify(List.of())).isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("known keys are none");
    }

    @Test
    void failsOnATamperedText() {
        String published = SignedNote.sign("gov.example/ledger\n1\n", List.of(ED, SM2)).format();
        SignedNote tampered = SignedNote.parse(published.replace("\n1\n", "\n2\n"));
        assertThatThrownBy(() -> tampered.verify(List.of(SM2.verifier())))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("invalid SM2 signature");
        assertThatThrownBy(() -> tampered.verify(List.of(ED.verifier())))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("invalid Ed25519 signature");
    }

    @Test
    void duplicateKnownKeysCountOnce() {
        NoteVerifier same = NoteVerifier.parse(ED.verifierKey());
        SignedNote note = SignedNote.sign("hello\n", List.of(ED));
        assertThat(note.verify(List.of(ED.verifier(), same))).containsExactly(ED.verifier());
    }

    @Test
    void aBlankLineBetweenSignaturesMakesTheFirstOnePartOfTheText() {
        String line = SignedNote.sign("hello\n", List.of(ED)).signatures().get(0).line();
        SignedNote note = SignedNote.parse("hello\n\n" + line + "\n" + line);
        assertThat(note.text()).isEqualTo("hello\n\n" + line);
        assertThatThrownBy(() -> note.verify(List.of(ED.verifier()))).isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void textEndsAtTheLastBlankLine() {
        String text = "first paragraph\n\nsecond paragraph\n";
        String published = SignedNote.sign(text, List.of(ED)).format();
        SignedNote note = SignedNote.parse(published);
        assertThat(note.text()).isEqualTo(text);
        assertThat(note.verify(List.of(ED.verifier()))).hasSize(1);
        assertThat(note.format()).isEqualTo(published);
    }

    @Test
    void rejectsMalformedNotes() {
        String line = SignedNote.sign("hello\n", List.of(ED)).signatures().get(0).line();
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n" + line.strip()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("note must end with a newline");
        assertThatThrownBy(() -> SignedNote.parse("hello\n" + line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no blank line");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signature lines");
        assertThatThrownBy(() -> SignedNote.parse("hello\r\nworld\n\n" + line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1, column 6")
                .hasMessageContaining("U+000D");
        assertThatThrownBy(() -> SignedNote.parse("a\nb\tc\n\n" + line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2, column 2");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n" + line + line.replace('\u2014', '-')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note line 4").hasMessageContaining("em dash");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n" + line.replace(" gov.example/ledger ", " gov+example ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note line 3").hasMessageContaining("'+'");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n— gov.example/ledger AAAA\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key ID and at least one signature byte");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n— gov.example/ledger AAAAAA\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padded base64");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n— gov.example/ledger AAAA AAAA\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n— gov.example/ledger\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no space");
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n" + line.repeat(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 100");
        assertThatThrownBy(() -> SignedNote.parse(new byte[] {'h', 'i', (byte) 0xff, '\n', '\n'}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> SignedNote.parse("bad \ud800 surrogate\n\n" + line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
        assertThat(SignedNote.parse("hello\n\n" + line.repeat(100)).signatures()).hasSize(100);
    }

    @Test
    void rejectsBadTextsWhenSigning() {
        assertThatThrownBy(() -> SignedNote.sign("no newline", List.of(ED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with a newline");
        assertThatThrownBy(() -> SignedNote.sign("", List.of(ED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with a newline");
        assertThatThrownBy(() -> SignedNote.sign("nul\u0000\n", List.of(ED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> SignedNote.sign("hi\n", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signer");
        assertThatThrownBy(() -> new SignedNote("hi\n", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one signature");
    }

    @Test
    void unicodeTextIsSignedAsUtf8() {
        String text = "政务数据 ledger 🌳\n";
        SignedNote note = SignedNote.parse(SignedNote.sign(text, List.of(ED, SM2)).formatUtf8());
        assertThat(note.text()).isEqualTo(text);
        assertThat(note.verify(ED.verifier(), SM2.verifier())).hasSize(2);
    }
}
