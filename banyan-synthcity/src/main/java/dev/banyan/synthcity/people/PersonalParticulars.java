package dev.banyan.synthcity.people;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;

import java.util.SplittableRandom;

/**
 * Personal particulars that are not stored but derived from a person's index (个人信息项): phone numbers, education
 * level and former names. Deriving keeps memory small and makes every department print the same value.
 */
public final class PersonalParticulars {

    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
            "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"};
    private static final String[] EDUCATION = {"研究生", "大学本科", "大学专科", "高中", "初中", "小学", "文盲或半文盲"};
    /** Percent per level (order of {@link #EDUCATION}) for cohorts born before 1950, 1950-64, 1965-79, 1980-94, 1995-2003. */
    private static final int[][] EDUCATION_SHARES = {
            {0, 2, 3, 10, 20, 40, 25},
            {0, 4, 5, 18, 35, 30, 8},
            {1, 9, 10, 25, 38, 15, 2},
            {4, 24, 20, 22, 25, 5, 0},
            {6, 34, 28, 20, 12, 0, 0}};

    private final long seed;
    private final Population population;
    private final NameBook names;

    public PersonalParticulars(long seed, Population population, NameBook names) {
        this.seed = seed;
        this.population = population;
        this.names = names;
    }

    /**
     * The person's phone as plain digits: an 11-digit mobile, a 12-digit Fuzhou landline {@code 0591xxxxxxxx} for some
     * elderly people, or empty for children under 12.
     */
    public String phone(int person, boolean urban) {
        int age = population.ageAt(person, Snapshot.DAY);
        if (age < 12) {
            return "";
        }
        long h = Aspect.PHONE.hash(seed, person);
        if (age >= 70 && SeedMixer.unit(h) < 0.4) {
            return landline(h >>> 8, urban);
        }
        return mobile(h >>> 8);
    }

    /** A mobile number from a hash. */
    public static String mobile(long h) {
        String prefix = MOBILE_PREFIXES[SeedMixer.below(h, MOBILE_PREFIXES.length)];
        long rest = (h >>> 8) % 100_000_000L;
        StringBuilder b = new StringBuilder(11).append(prefix);
        String digits = Long.toString(rest);
        for (int i = digits.length(); i < 8; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** A Fuzhou landline {@code 0591} + 8 digits: 8xxxxxxx in the city proper, 2xxxxxxx or 6xxxxxxx in the counties. */
    public static String landline(long h, boolean urban) {
        char first = urban ? '8' : (SeedMixer.below(h, 2) == 0 ? '2' : '6');
        long rest = (h >>> 4) % 10_000_000L;
        StringBuilder b = new StringBuilder(12).append("0591").append(first);
        String digits = Long.toString(rest);
        for (int i = digits.length(); i < 7; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** Education level (文化程度, GB/T 4658 names) as the household register records it; empty for small children. */
    public String education(int person) {
        int year = population.birthYear(person);
        int age = population.ageAt(person, Snapshot.DAY);
        if (year >= 2004) {
            if (age < 6) {
                return "";
            }
            return age < 12 ? "小学" : age < 15 ? "初中" : "高中";
        }
        int cohort = year < 1950 ? 0 : year < 1965 ? 1 : year < 1980 ? 2 : year < 1995 ? 3 : 4;
        int u = SeedMixer.below(Aspect.EDUCATION.hash(seed, person), 100);
        int[] shares = EDUCATION_SHARES[cohort];
        int sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) {
                return EDUCATION[i];
            }
        }
        return EDUCATION[4];
    }

    /**
     * A former name (曾用名) for the few people born before 1985 who changed their given name, else empty. Old
     * department systems still hold the former name.
     */
    public String formerName(int person) {
        if (population.birthYear(person) >= 1985) {
            return "";
        }
        SplittableRandom r = Aspect.FORMER_NAME.random(seed, person);
        if (r.nextDouble() >= 0.025) {
            return "";
        }
        char[] given = new char[2];
        String current = population.given(person);
        for (int attempt = 0; attempt < 10; attempt++) {
            names.drawGiven(r, population.birthYear(person), population.isFemale(person), given);
            String candidate = given[1] == 0 ? String.valueOf(given[0]) : new String(given);
            if (!candidate.equals(current)) {
                return population.surname(person) + candidate;
            }
        }
        return "";
    }
}
