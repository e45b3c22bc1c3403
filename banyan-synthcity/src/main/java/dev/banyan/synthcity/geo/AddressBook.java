package dev.banyan.synthcity.geo;

import dev.banyan.synthcity.chance.SeedMixer;

import java.util.List;

/**
 * Turns dwellings into addresses (门牌地址): lays out numbered homes as parcels, buildings and rooms and gives each
 * parcel a compound name, road and door number drawn from the community's street.
 */
public final class AddressBook {

    /** Homes per parcel (宗地) of an estate: four buildings of 24 flats. */
    public static final int HOMES_PER_PARCEL = 96;
    private static final int HOMES_PER_BUILDING = 24;
    private static final int[][] FLOOR_PLANS = {{12, 2}, {6, 4}, {8, 3}, {24, 1}};

    private static final List<String> COMPOUND_HEADS = List.of(
            "融侨", "榕城", "金山", "闽江", "三迪", "泰禾", "阳光", "世欧", "正祥", "万科", "建发", "永鸿", "中庚", "名城",
            "左海", "西湖", "屏山", "福屿", "榕华", "鼓山", "福新", "温泉", "乌山", "于山", "白马", "江滨", "五四",
            "华林", "东湖", "凤湖", "金榕", "橘园", "上渡", "融信", "象园", "远洋", "恒力", "冠亚", "香江", "锦绣",
            "丽景", "青年", "怡和", "嘉和", "紫阳", "福晟", "中海", "保利", "龙湖", "旭辉");
    private static final List<String> COMPOUND_TAILS = List.of(
            "花园", "新村", "公寓", "小区", "家园", "苑", "大厦", "新城", "佳园", "华府", "名都", "雅居", "天地", "城",
            "广场", "山庄", "御府", "江南", "首府", "一号");
    private static final List<String> OFFICE_TAILS = List.of(
            "大厦", "广场", "中心", "商务中心", "国际", "写字楼", "财富中心", "金融中心", "科技园", "创业园");

    private final Gazetteer gazetteer;

    public AddressBook(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * The place of home number {@code seq} of a community. Village communities mix self-built houses (one per parcel)
     * with small estates; the choice is made by the caller so that unit codes and addresses agree.
     */
    public HouseLayout layout(int community, int seq, boolean selfBuilt) {
        if (selfBuilt) {
            return new HouseLayout(community, seq + 1, 0, 0, 0, 2 + SeedMixer.below(parcelHash(community, -seq), 3));
        }
        int parcel = seq / HOMES_PER_PARCEL + 1;
        int inParcel = seq % HOMES_PER_PARCEL;
        long h = parcelHash(community, parcel);
        int[] plan = FLOOR_PLANS[SeedMixer.below(h, FLOOR_PLANS.length)];
        int building = inParcel / HOMES_PER_BUILDING + 1 + 4 * SeedMixer.below(h >>> 7, 3);
        int inBuilding = inParcel % HOMES_PER_BUILDING;
        return new HouseLayout(community, parcel, building, inBuilding / plan[1] + 1, inBuilding % plan[1] + 1,
                plan[0]);
    }

    /** The grid cell a parcel lies in. */
    public GridCell cell(int community, int parcel) {
        Community c = gazetteer.community(community);
        return gazetteer.cells().get(c.firstCell() + (parcel - 1) % c.cellCount());
    }

    /** The address of a laid-out dwelling. */
    public Address address(HouseLayout layout) {
        Community c = gazetteer.community(layout.community());
        District d = gazetteer.district(c);
        Street s = gazetteer.street(c);
        GridCell cell = cell(layout.community(), layout.parcel());
        if (layout.selfBuilt()) {
            return new Address(d.code(), d.name(), s.name(), c.name(), "", layout.parcel(), "", 0, 0, cell.code());
        }
        long h = parcelHash(layout.community(), layout.parcel());
        String road = s.roads().get(SeedMixer.below(h >>> 13, s.roads().size()));
        int number = 1 + SeedMixer.below(h >>> 17, 320);
        String compound = COMPOUND_HEADS.get(SeedMixer.below(h >>> 23, COMPOUND_HEADS.size()))
                + COMPOUND_TAILS.get(SeedMixer.below(h >>> 29, COMPOUND_TAILS.size()));
        return new Address(d.code(), d.name(), s.name(), c.name(), road, number, compound, layout.building(),
                layout.room(), cell.code());
    }

    /** An office or shop address for a company that does not own its premises; {@code hash} picks the place. */
    public Address office(int community, long hash, boolean shopFront) {
        Community c = gazetteer.community(community);
        District d = gazetteer.district(c);
        Street s = gazetteer.street(c);
        int parcel = 1 + SeedMixer.below(hash, 40);
        GridCell cell = cell(community, parcel);
        String road = s.roads().get(SeedMixer.below(hash >>> 9, s.roads().size()));
        int number = 1 + SeedMixer.below(hash >>> 15, 320);
        if (shopFront) {
            return new Address(d.code(), d.name(), s.name(), c.name(), road, number, "", 0, 0, cell.code());
        }
        String building = COMPOUND_HEADS.get(SeedMixer.below(hash >>> 21, COMPOUND_HEADS.size()))
                + OFFICE_TAILS.get(SeedMixer.below(hash >>> 27, OFFICE_TAILS.size()));
        int floor = 1 + SeedMixer.below(hash >>> 33, 28);
        int door = 1 + SeedMixer.below(hash >>> 39, 12);
        return new Address(d.code(), d.name(), s.name(), c.name(), road, number, building, 0, floor * 100 + door,
                cell.code());
    }

    private static long parcelHash(int community, int parcel) {
        return SeedMixer.of(350100L, community, parcel);
    }
}
