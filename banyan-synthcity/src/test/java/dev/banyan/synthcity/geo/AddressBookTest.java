package dev.banyan.synthcity.geo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AddressBookTest {

    private final Gazetteer gazetteer = Gazetteer.load();
    private final AddressBook book = new AddressBook(gazetteer);

    @Test
    void theGazetteerHasFuzhousThirteenCountyLevelDivisionsAndGridCodes() {
        assertThat(gazetteer.districts()).hasSize(13);
        assertThat(gazetteer.districts().get(0).name()).isEqualTo("鼓楼区");
        assertThat(gazetteer.districts().get(0).streets()).extracting(Street::name)
                .contains("鼓东街道", "鼓西街道", "温泉街道", "东街街道", "南街街道", "安泰街道", "华大街道", "水部街道",
                        "五凤街道", "洪山镇");
        Set<String> codes = new HashSet<>();
        for (GridCell cell : gazetteer.cells()) {
            assertThat(cell.code()).matches("3501\\d{11}");
            assertThat(codes.add(cell.code())).isTrue();
            Community c = gazetteer.community(cell.community());
            assertThat(cell.code()).startsWith(gazetteer.district(c).code());
        }
    }

    @Test
    void homesOfOneParcelShareCompoundRoadAndNumberAndDifferInRoom() {
        int community = gazetteer.districts().get(0).streets().get(0).communities().get(0).index();
        Address a = book.address(book.layout(community, 0, false));
        Address b = book.address(book.layout(community, 1, false));
        assertThat(a.compound()).isEqualTo(b.compound());
        assertThat(a.road()).isEqualTo(b.road());
        assertThat(a.number()).isEqualTo(b.number());
        assertThat(a.room()).isNotEqualTo(b.room());
        assertThat(a.text(AddressStyle.FULL)).startsWith("福建省福州市鼓楼区鼓东街道").endsWith("室");
        assertThat(a.text(AddressStyle.CITY)).startsWith("福州市鼓楼区").contains("号楼");
        assertThat(a.text(AddressStyle.COMPOUND)).startsWith("鼓楼区" + a.compound()).contains("#");
        assertThat(a.text(AddressStyle.COMMUNITY)).contains(a.community());
    }

    @Test
    void villageHousesAreNumberedInTheVillage() {
        Community village = gazetteer.communities().stream().filter(Community::isVillage).findFirst().orElseThrow();
        Address a = book.address(book.layout(village.index(), 11, true));
        assertThat(a.isVillageHouse()).isTrue();
        assertThat(a.text(AddressStyle.CITY)).endsWith(village.name() + "12号");
    }
}
