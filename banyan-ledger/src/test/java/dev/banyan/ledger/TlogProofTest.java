package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlogProofTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Ed25519NoteSigner LOG = Ed25519NoteSigner.fromSeed("example.com/log", Ed25519NoteSignerTest.referenceSeed());
    /** The size-7 checkpoint of transparency-log.md §6. */
    private static final String CHECKPOINT = new Checkpoint("example.com/log", 7, CheckpointTest.ROOT7).sign(List.of(LOG)).format();
    /** Inclusion of index 3 (entry 0x2021) in the size-7 tree, transparency-log.md §4. */
    private static final List<byte[]> PATH = List.of(
            HEX.parseHex("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
            HEX.parseHex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            HEX.parseHex("837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"));

    @Test
    void formatsAndParsesAReceipt() {
        TlogProof proof = new TlogProof(new byte[] {0x20, 0x21}, 3, PATH, CHECKPOINT);
        String text = proof.format();
        assertThat(text).isEqualTo("""
                c2sp.org/tlog-proof@v1
                extra ICE=
                index 3
                ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=
                +sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=
                g327FS6bB5AQcX6E6GXaTrwPoZioBtWdMb8VrM7yLQ4=

                example.com/log
                7
                3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=

                — example.com/log 1FXFIU3P+rvKG1qcogeLZsVAla7haUpg2PLFce6boN3qecT4mNZE8Cop/dYy4l2JHAy63Wq27GjG9mIlWMFRKPqo4wY=
                """);
        TlogProof parsed = TlogProof.parse(text);
        assertThat(parsed).isEqualTo(proof).hasSameHashCodeAs(proof);
        assertThat(parsed.extra()).containsExactly(0x20, 0x21);
        assertThat(parsed.index()).isEqualTo(3);
        assertThat(parsed.path()).hasSize(3);
        assertThat(parsed.checkpoint()).isEqualTo(CHECKPOINT);
        assertThat(parsed.format()).isEqualTo(text);
    }

    @Test
    void aReceiptVerifiesEndToEnd() throws Exception {
        TlogProof proof = TlogProof.parse(new TlogProof(new byte[] {0x20, 0x21}, 3, PATH, CHECKPOINT).format());
        // 1. the log's signature, 2. the checkpoint body, 3. the leaf hash from the entry, 4. the inclusion path.
        assertThat(proof.checkpointNote().verify(List.of(NoteVerifier.parse(LOG.verifierKey())))).hasSize(1);
        Checkpoint body = proof.checkpointBody();
        assertThat(body.origin()).isEqualTo("example.com/log");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0);
        byte[] leaf = sha256.digest(proof.extra());
        assertThat(rootFromInclusionPath(proof.index(), body.size(), leaf, proof.path())).isEqualTo(body.root());
    }

    @Test
    void extraIsOptional() {
        TlogProof proof = new TlogProof(null, 0, List.of(), CHECKPOINT);
        assertThat(proof.format()).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n\nexample.com/log\n");
        assertThat(TlogProof.parse(proof.format())).isEqualTo(proof);
        assertThat(new TlogProof(new byte[0], 0, List.of(), CHECKPOINT)).isEqualTo(proof);
        assertThat(TlogProof.parse(proof.format()).extra()).isNull();
    }

    @Test
    void rejectsMalformedProofs() {
        String good = new TlogProof(new byte[] {1}, 3, PATH, CHECKPOINT).format();
        assertThatThrownBy(() -> TlogProof.parse(good.replace("@v1", "@v2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("index 3", "index 03")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("index 3\n", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3: expected 'index <n>'");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("extra AQ==", "extra AQ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2: extra");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("g327FS6bB5AQcX6E6GXaTrwPoZioBtWdMb8VrM7yLQ4=", "AAAA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 6").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TlogProof.parse(good.substring(0, good.indexOf("\n\n") + 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no checkpoint");
        assertThatThrownBy(() -> TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 0\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no blank line");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("index 3", "index 7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the checkpoint's tree of size 7");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("\n7\n", "\nseven\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpoint").hasMessageContaining("line 2");
        assertThatThrownBy(() -> new TlogProof(null, 0, List.of(new byte[31]), CHECKPOINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash 1 must be 32 bytes, got 31");
        assertThatThrownBy(() -> new TlogProof(null, -1, List.of(), CHECKPOINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    /** RFC 9162 §2.1.3.2, written out here so this test does not depend on the Merkle classes. */
    private static byte[] rootFromInclusionPath(long index, long size, byte[] leaf, List<byte[]> path) throws Exception {
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            assertThat(sn).isNotZero();
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        assertThat(sn).isZero();
        return r;
    }

    private static byte[] node(byte[] left, byte[] right) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(left);
        return Arrays.copyOf(sha256.digest(right), 32);
    }
}
