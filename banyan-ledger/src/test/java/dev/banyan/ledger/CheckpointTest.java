package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    static final byte[] ROOT7 = HexFormat.of().parseHex("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");

    @Test
    void writesAndParsesTheReferenceCheckpoint() {
        Checkpoint checkpoint = new Checkpoint("example.com/log", 7, ROOT7);
        String text = "example.com/log\n7\n3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=\n";
        assertThat(checkpoint.text()).isEqualTo(text);
        Checkpoint parsed = Checkpoint.parse(text);
        assertThat(parsed).isEqualTo(checkpoint).hasSameHashCodeAs(checkpoint);
        assertThat(parsed.root()).isEqualTo(ROOT7);
        assertThat(parsed.extensions()).isEmpty();
        assertThat(parsed.toString()).contains("3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=");
    }

    @Test
    void keepsExtensionLines() {
        Checkpoint checkpoint = new Checkpoint("gov.example/ledger", 0, new byte[32], List.of("Timestamp: 1700000000"));
        assertThat(checkpoint.text()).endsWith("=\nTimestamp: 1700000000\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    }

    @Test
    void rootIsCopied() {
        byte[] root = ROOT7.clone();
        Checkpoint checkpoint = new Checkpoint("example.com/log", 7, root);
        root[0] = 0;
        checkpoint.root()[1] = 0;
        assertThat(checkpoint.root()).isEqualTo(ROOT7);
    }

    @Test
    void rejectsMalformedTexts() {
        String root = "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=";
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n7\n" + root))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with a newline");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n7\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 lines");
        assertThatThrownBy(() -> Checkpoint.parse("\n7\n" + root + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1: origin is empty");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n07\n" + root + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n-1\n" + root + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n99999999999999999999\n" + root + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("larger than");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n7\nAAAA\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("32 bytes, got 3");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n7\n3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("padded base64");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\n7\n" + root + "\n\nx\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 4").hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Checkpoint.parse("example.com/log\r\n7\n" + root + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1").hasMessageContaining("\\r\\n");
    }

    @Test
    void rejectsInvalidFields() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("origin is empty");
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newline");
        assertThatThrownBy(() -> new Checkpoint("log", -1, ROOT7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, got 31");
        assertThatThrownBy(() -> new Checkpoint("log", 1, ROOT7, List.of(""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extension 1");
    }
}
