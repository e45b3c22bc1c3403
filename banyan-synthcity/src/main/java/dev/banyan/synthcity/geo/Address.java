package dev.banyan.synthcity.geo;

/**
 * A postal address (地址) with its parsed components and the grid cell it is geocoded to.
 *
 * @param districtCode six-digit county code
 * @param district     e.g. 鼓楼区
 * @param street       e.g. 鼓东街道
 * @param community    e.g. 三牧坊社区
 * @param road         e.g. 五四路 (empty for a village house)
 * @param number       door number on the road or in the village (门牌号)
 * @param compound     residential compound or office building (小区/大厦), empty for a village house
 * @param building     building number in the compound, 0 if none
 * @param room         room number such as 1203, 0 if none
 * @param gridCode     15-digit grid cell code
 */
public record Address(String districtCode, String district, String street, String community, String road, int number,
                      String compound, int building, int room, String gridCode) {

    public boolean isVillageHouse() {
        return road.isEmpty();
    }

    /** The address as a department of the given habit writes it. */
    public String text(AddressStyle style) {
        StringBuilder b = new StringBuilder(48);
        switch (style) {
            case FULL -> b.append("福建省福州市").append(district).append(street);
            case CITY -> b.append("福州市").append(district);
            case COMPOUND -> b.append(district);
            case COMMUNITY -> b.append(district).append(street).append(community);
        }
        if (isVillageHouse()) {
            if (style != AddressStyle.COMMUNITY) {
                if (style != AddressStyle.FULL) {
                    b.append(street);
                }
                b.append(community);
            }
            return b.append(number).append('号').toString();
        }
        if (style == AddressStyle.COMPOUND && !compound.isEmpty()) {
            b.append(compound);
        } else {
            b.append(road).append(number).append('号');
            if (style != AddressStyle.COMMUNITY) {
                b.append(compound);
            }
        }
        if (building > 0) {
            switch (style) {
                case FULL -> b.append(building).append('座');
                case CITY -> b.append(building).append("号楼");
                case COMPOUND -> b.append(building).append('#');
                case COMMUNITY -> b.append(building).append('-');
            }
        }
        if (room > 0) {
            b.append(room);
            if (style == AddressStyle.FULL || style == AddressStyle.CITY) {
                b.append('室');
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text(AddressStyle.FULL);
    }
}
