package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer fuzhou = Gazetteer.fuzhou();
    private final AdministrativeDivisions divisions = AdministrativeDivisions.load();

    @Test
    void fuzhouHasEveryDistrictOfTheSyntheticCity() {
        int townships = 0;
        int communities = 0;
        for (Division county : divisions.childrenOf("350100")) {
            List<Township> ts = fuzhou.townships(county.code());
            assertThat(ts).as(county.name()).isNotEmpty();
            for (Township t : ts) {
                assertThat(t.countyCode()).isEqualTo(county.code());
                assertThat(t.code()).hasSize(9).startsWith(county.code());
                assertThat(t.name()).matches(".+(街道|镇|乡)");
                for (Community c : fuzhou.communities(t.code())) {
                    assertThat(c.code()).hasSize(12).startsWith(t.code());
                    assertThat(c.name()).matches(".+(社区|村)");
                    communities++;
                }
                townships++;
            }
        }
        assertThat(townships).isEqualTo(94);
        assertThat(communities).isEqualTo(387);
    }

    @Test
    void codesFollowTheSyntheticCitysNumbering() {
        // The first 12 digits of the synthetic city's grid cell codes: county, street serial, community serial.
        assertThat(fuzhou.townships("350102").get(0)).isEqualTo(new Township("350102001", "鼓东街道", "350102"));
        assertThat(fuzhou.communities("350102001").get(0)).isEqualTo(new Community("350102001001", "三牧坊社区", "350102001"));
        assertThat(fuzhou.townships("350111").get(0).name()).isEqualTo("茶园街道");
    }

    @Test
    void unknownCodesGiveNothing() {
        assertThat(fuzhou.townships("110105")).isEmpty();
        assertThat(fuzhou.communities("999")).isEmpty();
        assertThat(fuzhou.townships(null)).isEmpty();
        assertThat(Gazetteer.none().townships("350102")).isEmpty();
    }

    @Test
    void builtFromLists() {
        Gazetteer g = Gazetteer.of(List.of(new Township("110105001", "建外街道", "110105")),
                List.of(new Community("110105001001", "永安里社区", "110105001")));
        assertThat(g.townships("110105")).extracting(Township::name).containsExactly("建外街道");
        assertThat(g.communities("110105001")).extracting(Community::name).containsExactly("永安里社区");
    }

    @Test
    void inconsistentListsAreRefused() {
        Township t = new Township("110105001", "建外街道", "110105");
        assertThatThrownBy(() -> Gazetteer.of(List.of(t, t), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code 110105001 is listed twice");
        assertThatThrownBy(() -> Gazetteer.of(List.of(t), List.of(new Community("110105002001", "x社区", "110105002"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("which is not listed");
        assertThatThrownBy(() -> new Township("1", "x", "11010")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readFromTsv() {
        String tsv = "code\tname\tparent_code\n110105001\t建外街道\t110105\n\n110105001001\t永安里社区\t110105001\n";
        Gazetteer g = Gazetteer.fromTsv(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
        assertThat(g.communities("110105001")).hasSize(1);
        assertThatThrownBy(() -> Gazetteer.fromTsv(new ByteArrayInputStream("h\nonly-one-column\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
    }
}
