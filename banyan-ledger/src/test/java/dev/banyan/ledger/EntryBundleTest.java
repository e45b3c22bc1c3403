package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryBundleTest {

    @Test
    void encodesEachEntryAfterItsBigEndianLength() {
        byte[] bundle = EntryBundle.encode(List.of(new byte[] {7}, new byte[0], new byte[] {1, 2}));
        assertThat(bundle).containsExactly(0, 1, 7, 0, 0, 0, 2, 1, 2);
        byte[] big = new byte[0x1234];
        assertThat(EntryBundle.encode(List.of(big))).startsWith(0x12, 0x34).hasSize(2 + 0x1234);
    }

    @Test
    void roundTrips() {
        Random random = new Random(256);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            byte[] entry = new byte[i == 7 ? EntryBundle.MAX_ENTRY_SIZE : random.nextInt(300)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        assertThat(EntryBundle.decode(EntryBundle.encode(entries))).containsExactlyElementsOf(entries);
        assertThat(EntryBundle.decode(new byte[0])).isEmpty();
        assertThat(EntryBundle.encode(List.of())).isEmpty();
    }

    @Test
    void rejectsEntriesOverTheUint16Limit() {
        assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[1], new byte[65_536])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry #1 is 65536 bytes").hasMessageContaining("at most 65535");
    }

    @Test
    void rejectsTruncatedBundles() {
        assertThatThrownBy(() -> EntryBundle.decode(new byte[] {0, 1, 7, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry bundle is truncated: entry #1 at byte 3 has only 1 of its 2 length bytes");
        assertThatThrownBy(() -> EntryBundle.decode(new byte[] {0, 3, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry bundle is truncated: entry #0 declares 3 bytes but only 2 remain");
    }
}
