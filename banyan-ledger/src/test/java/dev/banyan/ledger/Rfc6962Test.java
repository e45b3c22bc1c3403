package dev.banyan.ledger;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc6962Test {

    @Test
    void leafAndNodeHashesMatchTheRfcDefinitions() {
        byte[] entry = {1, 2, 3};
        assertThat(Rfc6962.leafHash(entry)).isEqualTo(NaiveMerkle.leafHash(entry));
        byte[] a = NaiveMerkle.leafHash(new byte[] {1});
        byte[] b = NaiveMerkle.leafHash(new byte[] {2});
        assertThat(Rfc6962.nodeHash(a, b)).isEqualTo(NaiveMerkle.nodeHash(a, b));
        assertThat(Rfc6962.nodeHash(a, b)).isNotEqualTo(Rfc6962.nodeHash(b, a));
    }

    @Test
    void emptyRootIsAFreshCopy() {
        byte[] root = Rfc6962.emptyRoot();
        root[0] ^= 1;
        assertThat(Rfc6962.emptyRoot()).isEqualTo(NaiveMerkle.sha256());
    }

    @Test
    void rootOfFullTileIsTheMthOfEveryPowerOfTwoCount() {
        List<byte[]> leaves = TreeFixture.SMALL.leaves;
        for (int count = 1; count <= 512; count <<= 1) {
            byte[] hashes = ReferenceVectorsTest.concat(leaves.subList(0, count));
            byte[] before = hashes.clone();
            assertThat(Rfc6962.rootOfFullTile(hashes)).as("count %d", count)
                    .isEqualTo(NaiveMerkle.mth(leaves.subList(0, count)));
            assertThat(hashes).as("input untouched").isEqualTo(before);
        }
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> Rfc6962.rootOfFullTile(new byte[3 * 32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power-of-two");
        assertThatThrownBy(() -> Rfc6962.rootOfFullTile(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.rootOfFullTile(new byte[33]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.nodeHash(new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("left hash is 31 bytes, not 32");
        assertThatThrownBy(() -> Rfc6962.nodeHash(new byte[32], null))
                .isInstanceOf(NullPointerException.class).hasMessage("right hash is null");
    }
}
