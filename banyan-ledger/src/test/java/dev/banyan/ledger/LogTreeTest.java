package dev.banyan.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogTreeTest {

    private static final TreeFixture SMALL = TreeFixture.SMALL;
    private static final TreeFixture LARGE = TreeFixture.LARGE;

    @Test
    void rootAfterEveryAppendMatchesTheRfc() {
        LogTree log = new LogTree();
        assertThat(log.root()).isEqualTo(Rfc6962.emptyRoot());
        for (int size = 1; size <= 600; size++) {
            log.append(SMALL.leaves.get(size - 1));
            assertThat(log.size()).isEqualTo(size);
            assertThat(log.root()).as("root(%d)", size).isEqualTo(SMALL.root(size));
        }
    }

    @Test
    void tilesAt70000MatchTheReference() {
        List<Tile> full = LARGE.completed.stream().map(TileContent::tile).toList();
        assertThat(full.stream().filter(t -> t.level() == 0)).hasSize(273);
        assertThat(full.stream().filter(t -> t.level() == 1)).containsExactly(Tile.full(1, 0));
        assertThat(full.stream().filter(t -> t.level() > 1)).isEmpty();
        assertThat(full).allMatch(Tile::isFull);

        LogTree log = LARGE.log;
        assertThat(log.levels()).isEqualTo(3);
        assertThat(log.partialTile(0).tile()).isEqualTo(new Tile(0, 273, 112));
        assertThat(log.partialTile(1).tile()).isEqualTo(new Tile(1, 1, 17));
        assertThat(log.partialTile(2).tile()).isEqualTo(new Tile(2, 0, 1));
        assertThat(log.partialTile(3)).isNull();
        assertThat(log.partialTile(63)).isNull();
        assertThat(log.partialTiles()).extracting(TileContent::tile)
                .containsExactly(new Tile(0, 273, 112), new Tile(1, 1, 17), new Tile(2, 0, 1));
        assertThat(log.root()).isEqualTo(LARGE.root(70_000));
        // The level-2 hash is the root of level-1 tile 0, which is the MTH of the first 65,536 leaves.
        assertThat(log.partialTile(2).hashes()).isEqualTo(LARGE.root(65_536));
    }

    @Test
    void completedTilesHoldTheRightHashes() {
        TileContent first = LARGE.completed.get(0);
        assertThat(first.tile()).isEqualTo(Tile.full(0, 0));
        assertThat(first.hashes()).isEqualTo(ReferenceVectorsTest.concat(LARGE.leaves.subList(0, 256)));
        TileContent level1 = LARGE.completed.stream().filter(t -> t.tile().level() == 1).findFirst().orElseThrow();
        for (int i = 0; i < 256; i += 51) {
            assertThat(level1.hash(i)).isEqualTo(NaiveMerkle.mth(LARGE.leaves.subList(256 * i, 256 * (i + 1))));
        }
        // The level-1 tile completes with the 65,536th leaf, right after the level-0 tile it closes.
        int at = LARGE.completed.indexOf(level1);
        assertThat(LARGE.completed.get(at - 1).tile()).isEqualTo(Tile.full(0, 255));
    }

    @Test
    void partialTileIsNullAtTileBoundaries() {
        LogTree log = new LogTree();
        assertThat(log.levels()).isZero();
        assertThat(log.partialTile(0)).isNull();
        assertThat(log.partialTiles()).isEmpty();
        List<TileContent> completed = log.appendAll(SMALL.leaves.subList(0, 256));
        assertThat(completed).extracting(TileContent::tile).containsExactly(Tile.full(0, 0));
        assertThat(log.levels()).isEqualTo(2);
        assertThat(log.partialTile(0)).isNull();
        assertThat(log.partialTile(1).tile()).isEqualTo(new Tile(1, 0, 1));
    }

    @Test
    void partialTileIsASnapshot() {
        LogTree log = new LogTree();
        log.appendAll(SMALL.leaves.subList(0, 3));
        TileContent before = log.partialTile(0);
        log.append(SMALL.leaves.get(3));
        assertThat(before.tile().width()).isEqualTo(3);
        assertThat(before.hashes()).isEqualTo(ReferenceVectorsTest.concat(SMALL.leaves.subList(0, 3)));
    }

    @Test
    void restoreAtEverySmallSizeContinuesLikeAnUninterruptedLog() {
        for (int size = 0; size <= 600; size++) {
            assertRestoreContinues(SMALL, size, Math.min(700, size + 300));
        }
    }

    @Test
    void restoreAroundLevel1BoundariesContinuesLikeAnUninterruptedLog() {
        Random random = new Random(7);
        List<Integer> sizes = new ArrayList<>(List.of(65_279, 65_280, 65_281, 65_535, 65_536, 65_537, 65_791,
                65_792, 69_999));
        for (int i = 0; i < 5; i++) {
            sizes.add(65_536 + random.nextInt(4001) - 2000);
        }
        for (int size : sizes) {
            assertRestoreContinues(LARGE, size, 70_000);
        }
    }

    private static void assertRestoreContinues(TreeFixture fixture, int size, int until) {
        List<Tile> reads = new ArrayList<>();
        LogTree log = LogTree.restore(size, fixture.root(size), fixture.tiles.readerAt(size, reads));
        // Only the partial tiles are read, each at its width at that size.
        assertThat(reads).as("reads at %d", size).allMatch(t -> !t.isFull())
                .hasSize(nonZeroBase256Digits(size));
        assertThat(log.size()).isEqualTo(size);
        List<TileContent> completed = new ArrayList<>();
        for (int i = size; i < until; i++) {
            completed.addAll(log.append(fixture.leaves.get(i)));
            if (i == size || i == until - 1) {
                assertThat(log.root()).as("restored at %d, grown to %d", size, i + 1).isEqualTo(fixture.root(i + 1));
            }
        }
        List<TileContent> expected = fixture.completed.stream()
                .filter(t -> lastLeaf(t.tile()) >= size && lastLeaf(t.tile()) < until).toList();
        assertThat(completed).as("tiles completed after restoring at %d", size).containsExactlyElementsOf(expected);
    }

    // One partial tile per level whose width (a base-256 digit of the size) is not 0.
    private static int nonZeroBase256Digits(long size) {
        int count = 0;
        for (long rest = size; rest > 0; rest >>>= 8) {
            count += (rest & 0xFF) == 0 ? 0 : 1;
        }
        return count;
    }

    // Index of the leaf whose append completes this full tile.
    private static long lastLeaf(Tile tile) {
        return (tile.index() + 1) * (1L << (8 * (tile.level() + 1))) - 1;
    }

    @Test
    void restoreRejectsWrongRootsAndShortTiles() {
        assertThatThrownBy(() -> LogTree.restore(300, SMALL.root(299), SMALL.tiles.readerAt(300)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tiles at size 300 give root");
        assertThatThrownBy(() -> LogTree.restore(300, (level, index, width) -> new byte[width * 32 - 32]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tile/0/001.p/44");
        assertThat(LogTree.restore(0, (level, index, width) -> {
            throw new AssertionError("an empty log reads nothing");
        }).root()).isEqualTo(Rfc6962.emptyRoot());
    }

    @Test
    void appendRejectsMalformedLeafHashesWithoutChangingTheTree() {
        LogTree log = new LogTree();
        assertThatThrownBy(() -> log.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.appendAll(List.of(new byte[32], new byte[33])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.size()).isZero();
    }

    @Test
    void appendCopiesTheLeafAndTheRootIsCachedAsCopies() {
        LogTree log = new LogTree();
        byte[] leaf = SMALL.leaves.get(0).clone();
        log.append(leaf);
        leaf[0] ^= 1;
        byte[] root = log.root();
        root[0] ^= 1;
        assertThat(log.root()).isEqualTo(SMALL.leaves.get(0));
    }
}
