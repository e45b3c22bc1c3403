package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The RFC 6962 vectors of transparency-dev/merkle {@code testonly} (reference §4). */
class ReferenceVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] ENTRIES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final String LEAF_2 = "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7";
    private static final String LEAF_3 = "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7";
    private static final String MTH_2_4 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
    private static final String MTH_4_7 = "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e";
    private static final String MTH_4_8 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";

    private final List<byte[]> leaves = new ArrayList<>();
    private final List<TileContent> completed = new ArrayList<>();
    private final LogTree log = new LogTree();
    private final List<byte[]> logRoots = new ArrayList<>();

    ReferenceVectorsTest() {
        logRoots.add(log.root());
        for (String entry : ENTRIES) {
            byte[] leaf = Rfc6962.leafHash(HEX.parseHex(entry));
            leaves.add(leaf);
            completed.addAll(log.append(leaf));
            logRoots.add(log.root());
        }
    }

    private TiledTree tree(long size) {
        return new TiledTree(MemoryTiles.of(log, completed).readerAt(size));
    }

    @Test
    void hashesOfEntriesAndNodes() {
        assertThat(hex(Rfc6962.emptyRoot())).isEqualTo(ROOTS[0]);
        assertThat(hex(leaves.get(2))).isEqualTo(LEAF_2);
        assertThat(hex(leaves.get(3))).isEqualTo(LEAF_3);
        assertThat(hex(Rfc6962.nodeHash(leaves.get(2), leaves.get(3)))).isEqualTo(MTH_2_4);
        assertThat(hex(Rfc6962.rootOfFullTile(concat(leaves.subList(4, 8))))).isEqualTo(MTH_4_8);
        assertThat(hex(Rfc6962.rootOfFullTile(concat(leaves)))).isEqualTo(ROOTS[8]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void rootBySize(int size) {
        assertThat(hex(logRoots.get(size))).as("LogTree").isEqualTo(ROOTS[size]);
        assertThat(hex(tree(size).root(size))).as("TiledTree").isEqualTo(ROOTS[size]);
        assertThat(hex(NaiveMerkle.mth(leaves.subList(0, size)))).as("naive").isEqualTo(ROOTS[size]);
    }

    @Test
    void inclusionOfIndex3InSize7() {
        List<byte[]> proof = tree(7).inclusionProof(3, 7);
        assertThat(proof).extracting(ReferenceVectorsTest::hex)
                .containsExactly(LEAF_2, ROOTS[2], MTH_4_7);
        assertThat(InclusionProof.verify(3, 7, leaves.get(3), proof, HEX.parseHex(ROOTS[7]))).isTrue();
    }

    @Test
    void inclusionOfIndex0InSize8() {
        List<byte[]> proof = tree(8).inclusionProof(0, 8);
        assertThat(proof).extracting(ReferenceVectorsTest::hex).satisfiesExactly(
                p -> assertThat(p).startsWith("96a296d2"),
                p -> assertThat(p).isEqualTo(MTH_2_4),
                p -> assertThat(p).isEqualTo(MTH_4_8));
        assertThat(InclusionProof.verify(0, 8, leaves.get(0), proof, HEX.parseHex(ROOTS[8]))).isTrue();
    }

    @Test
    void consistencyFrom3To7() {
        List<byte[]> proof = tree(7).consistencyProof(3, 7);
        assertThat(proof).extracting(ReferenceVectorsTest::hex)
                .containsExactly(LEAF_2, LEAF_3, ROOTS[2], MTH_4_7);
        assertThat(ConsistencyProof.verify(3, 7, HEX.parseHex(ROOTS[3]), HEX.parseHex(ROOTS[7]), proof)).isTrue();
    }

    @Test
    void consistencyFrom4To8() {
        List<byte[]> proof = tree(8).consistencyProof(4, 8);
        assertThat(proof).extracting(ReferenceVectorsTest::hex).containsExactly(MTH_4_8);
        assertThat(ConsistencyProof.verify(4, 8, HEX.parseHex(ROOTS[4]), HEX.parseHex(ROOTS[8]), proof)).isTrue();
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * Rfc6962.HASH_SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
        }
        return out;
    }
}
