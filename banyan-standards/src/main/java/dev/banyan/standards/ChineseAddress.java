package dev.banyan.standards;

import java.util.Objects;
import java.util.Optional;

/**
 * A mainland-China postal address (地址) split into its levels: province (省), prefecture-level city (市),
 * county-level division (区/县), township (街道/镇/乡), community or village (社区/村), road (路/街/巷),
 * door number (门牌号) and the rest (compound, building, room: 小区、楼栋、室).
 *
 * <p>Obtained from {@link AddressParser}. The division code is the finest GB/T 2260 code the address names —
 * as written, so an old name gives its old code ({@code 福州市长乐市…} → {@code 350182}); the code in force
 * today for the same area is {@link #currentDivisionCode()} ({@code 350112} 长乐区). Levels that the address
 * leaves out but its district implies (the province and city of {@code 鼓楼区…}) are filled in. Township and
 * community codes come from the parser's {@link Gazetteer}; names it does not know are still split off by
 * their suffixes, without a code.
 */
public final class ChineseAddress {

    private final String original;
    private final String province;
    private final String prefecture;
    private final String county;
    private final String divisionCode;
    private final String currentDivisionCode;
    private final String township;
    private final String townshipCode;
    private final String community;
    private final String communityCode;
    private final String road;
    private final String number;
    private final String rest;
    private final String standardText;
    private final String gridCell;

    ChineseAddress(String original, String province, String prefecture, String county, String divisionCode,
                   String currentDivisionCode, String township, String townshipCode, String community,
                   String communityCode, String road, String number, String rest, String standardText,
                   String gridCell) {
        this.original = Objects.requireNonNull(original, "original");
        this.province = Objects.requireNonNull(province, "province");
        this.prefecture = prefecture;
        this.county = county;
        this.divisionCode = Objects.requireNonNull(divisionCode, "divisionCode");
        this.currentDivisionCode = currentDivisionCode;
        this.township = township;
        this.townshipCode = townshipCode;
        this.community = community;
        this.communityCode = communityCode;
        this.road = road;
        this.number = number;
        this.rest = rest;
        this.standardText = Objects.requireNonNull(standardText, "standardText");
        this.gridCell = gridCell;
    }

    ChineseAddress withGridCell(String cell) {
        return new ChineseAddress(original, province, prefecture, county, divisionCode, currentDivisionCode, township,
                townshipCode, community, communityCode, road, number, rest, standardText, cell);
    }

    /** The text as received. */
    public String original() {
        return original;
    }

    /** The province-level division (省/自治区/直辖市), e.g. {@code 福建省}, {@code 北京市}. */
    public String province() {
        return province;
    }

    /** The prefecture-level city (地级市/地区/自治州), e.g. {@code 福州市}; empty for the districts of a municipality and for counties governed directly by their province. */
    public Optional<String> prefecture() {
        return Optional.ofNullable(prefecture);
    }

    /** The county-level division (区/县/县级市) as named in the address, e.g. {@code 鼓楼区} or the old {@code 长乐市}; empty for a prefecture-level city without counties (东莞市). */
    public Optional<String> county() {
        return Optional.ofNullable(county);
    }

    /** The six-digit GB/T 2260 code of the finest division the address names, as written (possibly retired). */
    public String divisionCode() {
        return divisionCode;
    }

    /** The code in force today for that area (see {@link AdministrativeDivisions#currentEquivalent(String)}), if known. */
    public Optional<String> currentDivisionCode() {
        return Optional.ofNullable(currentDivisionCode);
    }

    /** True if the address names its district by a code no longer in force (e.g. 长乐市 for today's 长乐区). */
    public boolean isRetiredDivision() {
        return !divisionCode.equals(currentDivisionCode);
    }

    /** The township (街道/镇/乡), e.g. {@code 鼓东街道}. */
    public Optional<String> township() {
        return Optional.ofNullable(township);
    }

    /** The gazetteer code of the township, e.g. {@code 350102001}. */
    public Optional<String> townshipCode() {
        return Optional.ofNullable(townshipCode);
    }

    /** The community or village (社区/村), e.g. {@code 三牧坊社区}. */
    public Optional<String> community() {
        return Optional.ofNullable(community);
    }

    /** The gazetteer code of the community, e.g. {@code 350102001001}. */
    public Optional<String> communityCode() {
        return Optional.ofNullable(communityCode);
    }

    /** The road, street or lane (路/街/巷), e.g. {@code 五四路}. */
    public Optional<String> road() {
        return Optional.ofNullable(road);
    }

    /** The door number (门牌号) with its 号, e.g. {@code 158号}, {@code 12-3号}, {@code 5号之一}. */
    public Optional<String> number() {
        return Optional.ofNullable(number);
    }

    /** What follows: compound, building and room, e.g. {@code 融侨花园3座1203室}. */
    public Optional<String> rest() {
        return Optional.ofNullable(rest);
    }

    /**
     * The address written in full from the province down, with today's names of the divisions where the
     * address used an old one, half-width digits and simplified characters, e.g.
     * {@code 福建省福州市鼓楼区鼓东街道三牧坊社区五四路158号3-1203}.
     */
    public String standardText() {
        return standardText;
    }

    /** The grid cell (单元网格) code that the parser's {@link GridLocator} gave, if any. */
    public Optional<String> gridCell() {
        return Optional.ofNullable(gridCell);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChineseAddress a && a.original.equals(original) && a.standardText.equals(standardText)
                && a.divisionCode.equals(divisionCode) && Objects.equals(a.townshipCode, townshipCode)
                && Objects.equals(a.communityCode, communityCode) && Objects.equals(a.gridCell, gridCell);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, standardText, divisionCode);
    }

    /** The standard text with the division code, e.g. {@code 福建省福州市鼓楼区五四路158号 [350102]}. */
    @Override
    public String toString() {
        return standardText + " [" + divisionCode + "]";
    }
}
