package dev.banyan.ledger;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileTest {

    @Test
    void pathsGroupTheIndexInThreeDigits() {
        assertThat(Tile.full(0, 1_234_067).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile(1, 0, 17).path()).isEqualTo("tile/1/000.p/17");
        assertThat(Tile.full(2, 0).path()).isEqualTo("tile/2/000");
        assertThat(Tile.full(0, 1000).path()).isEqualTo("tile/0/x001/000");
        assertThat(Tile.full(0, 999).path()).isEqualTo("tile/0/999");
        assertThat(new Tile(0, 1_234_067, 1).path()).isEqualTo("tile/0/x001/x234/067.p/1");
        assertThat(Tile.full(63, Long.MAX_VALUE).path()).isEqualTo("tile/63/x009/x223/x372/x036/x854/x775/807");
    }

    @Test
    void entryBundlePathsUseTheSameIndex() {
        assertThat(Tile.full(0, 1_234_067).entriesPath()).isEqualTo("tile/entries/x001/x234/067");
        assertThat(new Tile(0, 273, 112).entriesPath()).isEqualTo("tile/entries/273.p/112");
        assertThatThrownBy(() -> Tile.full(1, 0).entriesPath()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void widthsAtSize70000MatchTheReference() {
        long size = 70_000;
        assertThat(Tile.width(0, 272, size)).isEqualTo(256);
        assertThat(Tile.width(0, 273, size)).isEqualTo(112);
        assertThat(Tile.width(0, 274, size)).isZero();
        assertThat(Tile.width(1, 0, size)).isEqualTo(256);
        assertThat(Tile.width(1, 1, size)).isEqualTo(17);
        assertThat(Tile.width(2, 0, size)).isEqualTo(1);
        assertThat(Tile.width(3, 0, size)).isZero();
        assertThat(Tile.width(63, 0, Long.MAX_VALUE)).isZero();
        assertThat(Tile.width(7, 0, Long.MAX_VALUE)).isEqualTo(127);
        assertThat(Tile.width(0, Long.MAX_VALUE, Long.MAX_VALUE)).isZero();
        assertThat(Tile.atSize(1, 1, size)).isEqualTo(new Tile(1, 1, 17));
        assertThat(Tile.ofHash(0, 69_999, size)).isEqualTo(new Tile(0, 273, 112));
        assertThat(Tile.ofHash(1, 255, size)).isEqualTo(Tile.full(1, 0));
        assertThatThrownBy(() -> Tile.ofHash(0, 70_000, size)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tile.atSize(0, 274, size)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRoundTrips() {
        Random random = new Random(6962);
        for (int i = 0; i < 10_000; i++) {
            long index = switch (i % 3) {
                case 0 -> random.nextInt(2000);
                case 1 -> (random.nextLong() >>> 1) >>> random.nextInt(63);
                default -> Long.MAX_VALUE - random.nextInt(1000);
            };
            Tile tile = new Tile(random.nextInt(64), index, 1 + random.nextInt(256));
            assertThat(Tile.parse(tile.path())).isEqualTo(tile);
            Tile leaves = new Tile(0, index, tile.width());
            assertThat(Tile.parseEntries(leaves.entriesPath())).isEqualTo(leaves);
        }
        assertThat(Tile.parse("tile/0/x001/x234/067")).isEqualTo(Tile.full(0, 1_234_067));
        assertThat(Tile.parse("tile/1/000.p/17")).isEqualTo(new Tile(1, 0, 17));
        assertThat(Tile.parseEntries("tile/entries/x001/x234/067.p/5")).isEqualTo(new Tile(0, 1_234_067, 5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tile/0/67                          | index group "67" must be exactly three digits
            tile/0/0067                        | index group "0067" must be exactly three digits
            tile/0/x000/067                    | redundant group "x000"
            tile/0/001/067                     | index group "001" must start with 'x'
            tile/0/x067                        | the last index group "x067" must not start with 'x'
            tile/0/000.p/0                     | partial width 0
            tile/0/000.p/256                   | partial width 256 is not below 256
            tile/0/000.p/300                   | partial width 300 is not below 256
            tile/0/000.p/017                   | partial width "017" has a leading zero
            tile/0/000.p/                      | partial width "" must be a decimal number
            tile/0/000.p/1a                    | partial width "1a" must be a decimal number
            tile/0/0a0                         | index group "0a0" must be exactly three digits
            tile/0/-01                         | index group "-01" must be exactly three digits
            tile/64/000                        | level 64 exceeds 63
            tile/1000/000                      | level 1000 is far too large
            tile/01/000                        | level "01" has a leading zero
            tile/a/000                         | level "a" must be a decimal number
            tile//000                          | level "" must be a decimal number
            tile/0                             | missing the tile index
            tile/0/                            | index group "" must be exactly three digits
            tile/0/000/                        | index group "000" must start with 'x'
            tiles/0/000                        | must start with "tile/"
            tile/entries/000                   | is an entry bundle path
            tile/0/x009/x223/x372/x036/x854/x775/808 | index does not fit in 63 bits
            tile/0/x001/000.p/5/000            | partial width "5/000" must be a decimal number
            """)
    void parseRejectsNonCanonicalPaths(String path, String reason) {
        assertThatThrownBy(() -> Tile.parse(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad tile path \"" + path + "\"").hasMessageContaining(reason);
    }

    @Test
    void parseEntriesRejectsHashPaths() {
        assertThatThrownBy(() -> Tile.parseEntries("tile/0/000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tile/entries/");
        assertThatThrownBy(() -> Tile.parseEntries("tile/entries/000.p/0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partial width 0");
    }

    @Test
    void constructorRejectsImpossibleTiles() {
        assertThatThrownBy(() -> new Tile(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Tile(0, 0, 256).isFull()).isTrue();
        assertThat(new Tile(0, 0, 255).isFull()).isFalse();
    }
}
