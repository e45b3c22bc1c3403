package dev.banyan.synthcity.people;

import dev.banyan.standards.Sex;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The residents of Rongcheng (户籍人口) held as parallel primitive arrays, about 50 bytes per person, with households
 * (户) as contiguous runs of members starting with the head. The truth that every department's records derive from.
 *
 * <p>Person and household indexes are 0-based; the public person id is {@code P} + 8 digits of index + 1.
 */
public final class Population {

    private final NameBook names;
    final int size;
    final int[] birthDay;
    final boolean[] female;
    final short[] surname;
    final char[] given1;
    final char[] given2;
    final short[] birthPlace;
    final byte[] idNumbers;
    final int[] household;
    final byte[] relation;
    final int[] deathDay;
    final byte[] ethnicity;
    final int[] employer;

    int householdCount;
    int[] householdFirst;
    byte[] householdSize;
    int[] householdHouse;
    int[] householdCommunity;
    int[] householdPreviousCommunity;
    int[] householdMovedDay;
    int[] householdMarriageDay;
    boolean[] householdLowIncome;

    Population(NameBook names, int size) {
        this.names = names;
        this.size = size;
        birthDay = new int[size];
        female = new boolean[size];
        surname = new short[size];
        given1 = new char[size];
        given2 = new char[size];
        birthPlace = new short[size];
        idNumbers = new byte[size * 18];
        household = new int[size];
        relation = new byte[size];
        deathDay = new int[size];
        ethnicity = new byte[size];
        employer = new int[size];
        java.util.Arrays.fill(employer, -1);
    }

    /** Installs the household columns once the builder knows how many households there are. */
    void setHouseholds(int[] first, byte[] sizes, int[] houses, int[] communities, int[] previous, int[] moved,
                       int[] marriage) {
        householdCount = first.length;
        householdFirst = first;
        householdSize = sizes;
        householdHouse = houses;
        householdCommunity = communities;
        householdPreviousCommunity = previous;
        householdMovedDay = moved;
        householdMarriageDay = marriage;
        householdLowIncome = new boolean[first.length];
    }

    public int size() {
        return size;
    }

    public int householdCount() {
        return householdCount;
    }

    /** The public identifier of a person in ground-truth files. */
    public static String personId(int person) {
        return "P" + zeroPad(person + 1, 8);
    }

    static String zeroPad(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    public int birthDay(int i) {
        return birthDay[i];
    }

    public LocalDate birthDate(int i) {
        return LocalDate.ofEpochDay(birthDay[i]);
    }

    public int birthYear(int i) {
        return Snapshot.yearOf(birthDay[i]);
    }

    public int ageAt(int i, int day) {
        return Snapshot.age(birthDay[i], day);
    }

    public boolean isFemale(int i) {
        return female[i];
    }

    public Sex sex(int i) {
        return female[i] ? Sex.FEMALE : Sex.MALE;
    }

    public String surname(int i) {
        return names.surname(surname[i]);
    }

    /** The given name, one or two characters. */
    public String given(int i) {
        return given2[i] == 0 ? String.valueOf(given1[i]) : new String(new char[]{given1[i], given2[i]});
    }

    public String name(int i) {
        return surname(i) + given(i);
    }

    public int birthPlace(int i) {
        return birthPlace[i];
    }

    /** The true 18-character identity number. */
    public String idNumber(int i) {
        return new String(idNumbers, i * 18, 18, StandardCharsets.ISO_8859_1);
    }

    public int household(int i) {
        return household[i];
    }

    public Relation relation(int i) {
        return Relation.values()[relation[i]];
    }

    /** The day of death, or 0 for the living. */
    public int deathDay(int i) {
        return deathDay[i];
    }

    public boolean isDead(int i) {
        return deathDay[i] != 0;
    }

    public boolean isAliveOn(int i, int day) {
        return birthDay[i] <= day && (deathDay[i] == 0 || deathDay[i] > day);
    }

    public Ethnicity ethnicity(int i) {
        return Ethnicity.values()[ethnicity[i]];
    }

    /** The employing enterprise, or -1. */
    public int employer(int i) {
        return employer[i];
    }

    /** Records a person's employer; called once while the economy is built. */
    public void assignEmployer(int i, int enterprise) {
        employer[i] = enterprise;
    }

    public int householdFirst(int h) {
        return householdFirst[h];
    }

    public int householdSize(int h) {
        return householdSize[h];
    }

    public int head(int h) {
        return householdFirst[h];
    }

    /** The head's spouse, or -1. */
    public int spouse(int h) {
        int first = householdFirst[h];
        return householdSize[h] > 1 && relation[first + 1] == Relation.SPOUSE.ordinal() ? first + 1 : -1;
    }

    /** The dwelling the household lives in (index into the houses). */
    public int house(int h) {
        return householdHouse[h];
    }

    public void assignHouse(int h, int house) {
        householdHouse[h] = house;
    }

    public int community(int h) {
        return householdCommunity[h];
    }

    /** The community the household lived in before its last move, or -1. */
    public int previousCommunity(int h) {
        return householdPreviousCommunity[h];
    }

    /** The day of the last move, or 0. */
    public int movedDay(int h) {
        return householdMovedDay[h];
    }

    /** The day the head couple married, or 0. */
    public int marriageDay(int h) {
        return householdMarriageDay[h];
    }

    public boolean isLowIncome(int h) {
        return householdLowIncome[h];
    }

    public void markLowIncome(int h) {
        householdLowIncome[h] = true;
    }

    /** The public identifier of a household: 户号. */
    public String householdNumber(int h, String districtCode) {
        return districtCode + zeroPad(h + 1, 9);
    }
}
