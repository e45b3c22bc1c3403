package dev.banyan.synthcity.property;

import dev.banyan.synthcity.chance.IntColumn;
import dev.banyan.synthcity.geo.AddressBook;
import dev.banyan.synthcity.geo.Community;
import dev.banyan.synthcity.geo.District;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.geo.HouseLayout;

/**
 * The real-estate units of the city (不动产单元): dwellings, shops and offices, each numbered within its community so
 * that its address, grid cell and GB/T 37346 unit code agree.
 *
 * <p>Owners are encoded as one int: a person index ({@code >= 0}), an enterprise as {@code -(index + 1)}, or
 * {@link #NO_OWNER}.
 */
public final class Houses {

    public static final int NO_OWNER = Integer.MIN_VALUE;

    private final AddressBook addressBook;
    private final int[] estateCounter;
    private final int[] villageCounter;
    private final IntColumn community;
    private final IntColumn seq;
    private final IntColumn traits;
    private final IntColumn area;
    private final IntColumn ownerA;
    private final IntColumn ownerB;
    private final IntColumn registeredDay;

    public Houses(AddressBook addressBook, int expected) {
        this.addressBook = addressBook;
        int communities = addressBook.gazetteer().communities().size();
        estateCounter = new int[communities];
        villageCounter = new int[communities];
        community = new IntColumn(expected);
        seq = new IntColumn(expected);
        traits = new IntColumn(expected);
        area = new IntColumn(expected);
        ownerA = new IntColumn(expected);
        ownerB = new IntColumn(expected);
        registeredDay = new IntColumn(expected);
    }

    public static int enterpriseOwner(int enterprise) {
        return -(enterprise + 1);
    }

    public static boolean isEnterprise(int owner) {
        return owner < 0 && owner != NO_OWNER;
    }

    public static int enterpriseOf(int owner) {
        return -owner - 1;
    }

    /**
     * Adds a unit in a community; self-built village houses get their own door numbers.
     *
     * @param areaCentiSquareMetres building area in units of 0.01 m²
     */
    public int add(int communityIndex, boolean selfBuilt, HouseKind kind, HousePurpose purpose,
                   int areaCentiSquareMetres) {
        int s = selfBuilt ? villageCounter[communityIndex]++ : estateCounter[communityIndex]++;
        community.add(communityIndex);
        seq.add(s);
        traits.add((selfBuilt ? 1 : 0) | kind.ordinal() << 1 | purpose.ordinal() << 5);
        area.add(areaCentiSquareMetres);
        ownerA.add(NO_OWNER);
        ownerB.add(NO_OWNER);
        return registeredDay.add(0);
    }

    public int size() {
        return community.size();
    }

    public int community(int h) {
        return community.get(h);
    }

    public boolean selfBuilt(int h) {
        return (traits.get(h) & 1) != 0;
    }

    public HouseKind kind(int h) {
        return HouseKind.values()[traits.get(h) >> 1 & 0xF];
    }

    public HousePurpose purpose(int h) {
        return HousePurpose.values()[traits.get(h) >> 5 & 0xF];
    }

    /** Building area in 0.01 m². */
    public int area(int h) {
        return area.get(h);
    }

    public HouseLayout layout(int h) {
        return addressBook.layout(community.get(h), seq.get(h), selfBuilt(h));
    }

    public int ownerA(int h) {
        return ownerA.get(h);
    }

    public int ownerB(int h) {
        return ownerB.get(h);
    }

    public int registeredDay(int h) {
        return registeredDay.get(h);
    }

    /** Records the owners and the day the current title was registered. */
    public void own(int h, int first, int second, int day) {
        ownerA.set(h, first);
        ownerB.set(h, second);
        registeredDay.set(h, day);
    }

    /**
     * The 28-character real-estate unit code (不动产单元代码, GB/T 37346 layout as reported): county (6), cadastral
     * district (3) and sub-district (3), parcel feature (GB state-owned land, JC collective land), parcel serial (5),
     * and the fixture code F + building (4) + room (4).
     */
    public String unitCode(int h) {
        HouseLayout l = layout(h);
        Gazetteer g = addressBook.gazetteer();
        Community c = g.community(l.community());
        District d = g.district(c);
        StringBuilder b = new StringBuilder(28);
        b.append(d.code());
        pad(b, g.street(c).serial(), 3);
        pad(b, c.serial(), 3);
        b.append(l.selfBuilt() ? "JC" : "GB");
        pad(b, l.parcel(), 5);
        b.append('F');
        pad(b, l.selfBuilt() ? 1 : l.building(), 4);
        pad(b, l.selfBuilt() ? 1 : l.room(), 4);
        return b.toString();
    }

    private static void pad(StringBuilder b, int n, int width) {
        String s = Integer.toString(n);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
