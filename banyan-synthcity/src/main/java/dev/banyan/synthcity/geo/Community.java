package dev.banyan.synthcity.geo;

/**
 * The smallest administrative unit (社区 in towns, 村 in the countryside), split into grid cells.
 *
 * @param index     position in the gazetteer's flat list of communities
 * @param district  index of the district
 * @param street    index of the street within the district
 * @param serial    three-digit serial within the street
 * @param name      e.g. 三牧坊社区, 侯官村
 * @param firstCell index of its first grid cell in the gazetteer
 * @param cellCount number of grid cells
 */
public record Community(int index, int district, int street, int serial, String name, int firstCell, int cellCount) {

    public boolean isVillage() {
        return name.endsWith("村");
    }
}
