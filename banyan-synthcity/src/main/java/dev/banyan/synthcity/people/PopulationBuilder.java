package dev.banyan.synthcity.people;

import dev.banyan.synthcity.chance.IntColumn;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.chance.WeightedTable;
import dev.banyan.synthcity.geo.Community;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.property.HouseKind;
import dev.banyan.synthcity.property.HousePurpose;
import dev.banyan.synthcity.property.Houses;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Assembles the population household by household (按户生成): picks a household type, plans its members' ages and
 * sexes (couples a couple of years apart, children born when their mother was 22-34, elderly parents a generation
 * older), names them, gives them birth places and identity numbers, places the household in a community and a
 * dwelling, and records marriages and moves.
 */
public final class PopulationBuilder {

    private static final int MAX_MEMBERS = 10;
    private static final HouseholdType[] TYPES = HouseholdType.values();
    private static final double YEAR = 365.25;

    private final long seed;
    private final Gazetteer gazetteer;
    private final NameBook names;
    private final BirthPlaces places;
    private final Houses houses;
    private final WeightedTable typeTable = new WeightedTable(HouseholdType.shares());
    private final WeightedTable ethnicityTable;
    private final int[] districtFirstCommunity;
    private final int[] districtCommunityCount;

    private final CohortSize.Years singleYoung = CohortSize.between(1991, 2006);
    private final CohortSize.Years middleAged = CohortSize.between(1961, 1990);
    private final CohortSize.Years elderly = CohortSize.between(1930, 1960);
    private final CohortSize.Years youngHusband = CohortSize.between(1987, 2001);
    private final CohortSize.Years emptyNestHusband = CohortSize.between(1938, 1972);
    private final CohortSize.Years familyHusband = CohortSize.between(1965, 1998);
    private final CohortSize.Years threeGenerationHusband = CohortSize.between(1970, 1996);
    private final CohortSize.Years singleParent = CohortSize.between(1975, 1997);

    public PopulationBuilder(long seed, Gazetteer gazetteer, NameBook names, BirthPlaces places, Houses houses) {
        this.seed = seed;
        this.gazetteer = gazetteer;
        this.names = names;
        this.places = places;
        this.houses = houses;
        Ethnicity[] all = Ethnicity.values();
        double[] w = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            w[i] = all[i].percent();
        }
        ethnicityTable = new WeightedTable(w);
        int districts = gazetteer.districts().size();
        districtFirstCommunity = new int[districts];
        districtCommunityCount = new int[districts];
        java.util.Arrays.fill(districtFirstCommunity, -1);
        for (Community c : gazetteer.communities()) {
            if (districtFirstCommunity[c.district()] < 0) {
                districtFirstCommunity[c.district()] = c.index();
            }
            districtCommunityCount[c.district()]++;
        }
    }

    /** The members of one household before they are written into the population. */
    private static final class Plan {
        final int[] birthDay = new int[MAX_MEMBERS];
        final boolean[] female = new boolean[MAX_MEMBERS];
        final Relation[] relation = new Relation[MAX_MEMBERS];
        /** Index in the plan whose surname a member takes, or -1 to draw one. */
        final int[] surnameFrom = new int[MAX_MEMBERS];
        int count;
        int firstChildDay;
        boolean couple;

        void reset() {
            count = 0;
            firstChildDay = 0;
            couple = false;
        }

        int add(int day, boolean isFemale, Relation rel, int surnameSource) {
            birthDay[count] = day;
            female[count] = isFemale;
            relation[count] = rel;
            surnameFrom[count] = surnameSource;
            return count++;
        }
    }

    /**
     * Builds {@code persons} people; the last household is cut short if needed.
     *
     * @param onHousehold called with the number of people placed so far, for progress
     */
    public Population build(int persons, IdNumberIssuer issuer, LongConsumer onHousehold) {
        SplittableRandom r = new SplittableRandom(SeedMixer.of(seed, 0xB0B, 0));
        Population pop = new Population(names, persons);
        int estimate = persons / 2 + 16;
        IntColumn first = new IntColumn(estimate);
        IntColumn sizes = new IntColumn(estimate);
        IntColumn dwelling = new IntColumn(estimate);
        IntColumn community = new IntColumn(estimate);
        IntColumn previous = new IntColumn(estimate);
        IntColumn moved = new IntColumn(estimate);
        IntColumn marriage = new IntColumn(estimate);
        Plan plan = new Plan();
        char[] given = new char[2];
        int p = 0;
        while (p < persons) {
            plan.reset();
            planMembers(TYPES[typeTable.pick(r)], plan, r);
            if (plan.count == 0) {
                continue;
            }
            int count = Math.min(plan.count, persons - p);
            int h = first.add(p);
            sizes.add(count);
            int home = gazetteer.pickCommunity(r.nextDouble());
            Community c = gazetteer.community(home);
            community.add(home);
            int headBirth = plan.birthDay[0];
            int movedDay = 0;
            int previousCommunity = -1;
            if (r.nextDouble() < 0.22) {
                movedDay = Snapshot.DAY - 30 - r.nextInt(8 * 365);
                if (movedDay > Snapshot.plusYears(headBirth, 18)) {
                    previousCommunity = r.nextDouble() < 0.6
                            ? districtFirstCommunity[c.district()] + r.nextInt(districtCommunityCount[c.district()])
                            : gazetteer.pickCommunity(r.nextDouble());
                    if (previousCommunity == home) {
                        previousCommunity = -1;
                    }
                }
                if (previousCommunity < 0) {
                    movedDay = 0;
                }
            }
            previous.add(previousCommunity);
            moved.add(movedDay);
            marriage.add(plan.couple && count >= 2 ? marriageDay(plan, r) : 0);
            writeMembers(pop, plan, count, p, h, c.district(), issuer, given, r);
            boolean selfBuilt = c.isVillage() && r.nextDouble() < 0.7;
            dwelling.add(houses.add(home, selfBuilt, selfBuilt ? HouseKind.SELF_BUILT : drawKind(r),
                    HousePurpose.RESIDENTIAL, drawArea(selfBuilt, r)));
            p += count;
            onHousehold.accept(p);
        }
        int n = first.size();
        byte[] sizeBytes = new byte[n];
        for (int i = 0; i < n; i++) {
            sizeBytes[i] = (byte) sizes.get(i);
        }
        pop.setHouseholds(first.toArray(), sizeBytes, dwelling.toArray(), community.toArray(), previous.toArray(),
                moved.toArray(), marriage.toArray());
        return pop;
    }

    private void planMembers(HouseholdType type, Plan plan, SplittableRandom r) {
        switch (type) {
            case SINGLE_YOUNG -> plan.add(day(singleYoung.draw(r), r), r.nextDouble() >= 0.66, Relation.HEAD, -1);
            case SINGLE_MIDDLE_AGED -> plan.add(day(middleAged.draw(r), r), r.nextDouble() >= 0.7, Relation.HEAD, -1);
            case SINGLE_ELDERLY -> plan.add(day(elderly.draw(r), r), r.nextDouble() < 0.58, Relation.HEAD, -1);
            case YOUNG_COUPLE -> couple(youngHusband.draw(r), plan, r);
            case EMPTY_NEST -> couple(emptyNestHusband.draw(r), plan, r);
            case NUCLEAR_FAMILY -> {
                couple(familyHusband.draw(r), plan, r);
                children(plan, r);
            }
            case THREE_GENERATIONS -> {
                couple(threeGenerationHusband.draw(r), plan, r);
                children(plan, r);
                parentsOfHead(plan, r);
            }
            case SINGLE_PARENT -> {
                plan.add(day(singleParent.draw(r), r), r.nextDouble() < 0.7, Relation.HEAD, -1);
                children(plan, r);
            }
        }
    }

    private static int day(int year, SplittableRandom r) {
        int start = Snapshot.day(year, 1, 1);
        int end = year == Snapshot.DATE.getYear() ? Snapshot.DAY : Snapshot.day(year, 12, 31);
        return start + r.nextInt(end - start + 1);
    }

    private static void couple(int husbandYear, Plan plan, SplittableRandom r) {
        int husband = day(husbandYear, r);
        int gapYears = (int) Math.round(2 + 2.2 * r.nextGaussian());
        gapYears = Math.max(-3, Math.min(10, gapYears));
        int wife = husband + (int) (gapYears * YEAR) + r.nextInt(-120, 121);
        wife = Math.max(wife, Snapshot.day(1930, 1, 1));
        // both spouses must have reached the legal age of marriage (20 for women) a year before the snapshot
        wife = Math.min(wife, Snapshot.plusYears(Snapshot.DAY, -21));
        // about one household in five is registered under the wife
        if (r.nextDouble() < 0.82) {
            plan.add(husband, false, Relation.HEAD, -1);
            plan.add(wife, true, Relation.SPOUSE, -1);
        } else {
            plan.add(wife, true, Relation.HEAD, -1);
            plan.add(husband, false, Relation.SPOUSE, -1);
        }
        plan.couple = true;
    }

    private static void children(Plan plan, SplittableRandom r) {
        int mother = -1;
        int father = -1;
        for (int i = 0; i < plan.count; i++) {
            if (plan.female[i]) {
                mother = i;
            } else {
                father = i;
            }
        }
        int motherBirth = mother >= 0 ? plan.birthDay[mother] : plan.birthDay[father] + (int) (2 * YEAR);
        int motherYear = Snapshot.yearOf(motherBirth);
        double u = r.nextDouble();
        int k;
        if (motherYear < 1985) {
            // the one-child policy, with the second child rural Fujian families were allowed
            k = u < 0.6 ? 1 : u < 0.95 ? 2 : 3;
        } else {
            k = u < 0.45 ? 1 : u < 0.9 ? 2 : 3;
        }
        int firstAge = 22 + r.nextInt(9) + (motherYear >= 1980 ? 2 : 0);
        int birth = motherBirth + (int) (firstAge * YEAR) + r.nextInt(365);
        int surnameSource = father >= 0 ? father : -1;
        for (int c = 0; c < k && birth <= Snapshot.DAY; c++) {
            if (plan.firstChildDay == 0) {
                plan.firstChildDay = birth;
            }
            // children older than 27 have left to form their own households
            if (Snapshot.age(birth, Snapshot.DAY) <= 27 && plan.count < MAX_MEMBERS - 2) {
                int year = Snapshot.yearOf(birth);
                double boys = year >= 1995 && year <= 2015 ? 0.54 : 0.52;
                boolean girl = r.nextDouble() >= boys;
                int source = surnameSource;
                if (r.nextDouble() < 0.07 && mother >= 0) {
                    source = mother;
                }
                plan.add(birth, girl, girl ? Relation.DAUGHTER : Relation.SON, source);
            }
            birth += (int) ((2 + r.nextInt(5)) * YEAR) + r.nextInt(365);
        }
    }

    private static void parentsOfHead(Plan plan, SplittableRandom r) {
        int head = plan.birthDay[0];
        int fatherBirth = head - (int) ((26 + r.nextInt(8)) * YEAR) - r.nextInt(365);
        int motherBirth = fatherBirth + (int) ((1 + r.nextInt(4)) * YEAR);
        int oldest = Snapshot.day(1930, 1, 1);
        boolean father = fatherBirth >= oldest && r.nextDouble() < 0.75;
        boolean mother = motherBirth >= oldest && (r.nextDouble() < 0.78 || !father);
        if (father) {
            plan.add(fatherBirth, false, Relation.FATHER, 0);
        }
        if (mother && motherBirth <= Snapshot.plusYears(head, -18)) {
            plan.add(motherBirth, true, Relation.MOTHER, -1);
        }
    }

    private int marriageDay(Plan plan, SplittableRandom r) {
        int husband = plan.female[0] ? plan.birthDay[1] : plan.birthDay[0];
        int wife = plan.female[0] ? plan.birthDay[0] : plan.birthDay[1];
        // legal minimum ages: 20 for women, 22 for men
        int lower = Math.max(Snapshot.plusYears(wife, 20), Snapshot.plusYears(husband, 22));
        int upper = plan.firstChildDay > 0 ? plan.firstChildDay - 200 : Snapshot.plusYears(lower, 12);
        upper = Math.min(upper, Snapshot.DAY - 30);
        if (upper <= lower) {
            return Math.min(lower, Snapshot.DAY - 30);
        }
        if (plan.firstChildDay > 0) {
            return Math.max(lower, upper - r.nextInt(4 * 365));
        }
        return lower + r.nextInt(Math.min(upper - lower, 8 * 365) + 1);
    }

    private void writeMembers(Population pop, Plan plan, int count, int p, int h, int district,
                              IdNumberIssuer issuer, char[] given, SplittableRandom r) {
        int headEthnicity = ethnicityTable.pick(r);
        for (int m = 0; m < count; m++) {
            int i = p + m;
            Relation rel = plan.relation[m];
            pop.birthDay[i] = plan.birthDay[m];
            pop.female[i] = plan.female[m];
            pop.relation[i] = (byte) rel.ordinal();
            pop.household[i] = h;
            int source = plan.surnameFrom[m];
            if (source >= 0 && source < m) {
                pop.surname[i] = pop.surname[p + source];
            } else {
                pop.surname[i] = (short) names.drawSurname(r);
            }
            int year = Snapshot.yearOf(plan.birthDay[m]);
            names.drawGiven(r, year, plan.female[m], given);
            pop.given1[i] = given[0];
            pop.given2[i] = given[1];
            if (rel == Relation.SPOUSE) {
                pop.ethnicity[i] = (byte) (r.nextDouble() < 0.97 ? 0 : ethnicityTable.pick(r));
            } else {
                pop.ethnicity[i] = (byte) headEthnicity;
            }
            int issueYear = IdNumberIssuer.issueYear(year, r);
            int place = rel.isChild() ? places.drawChild(r, district) : places.drawAdult(r, district, issueYear);
            pop.birthPlace[i] = (short) place;
            issuer.issue(pop.idNumbers, i * 18, place, plan.birthDay[m], plan.female[m], issueYear, r);
        }
    }

    private static HouseKind drawKind(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.72) {
            return HouseKind.COMMODITY;
        }
        if (u < 0.84) {
            return HouseKind.REFORM;
        }
        return u < 0.95 ? HouseKind.RESETTLEMENT : HouseKind.AFFORDABLE;
    }

    private static int drawArea(boolean selfBuilt, SplittableRandom r) {
        double median = selfBuilt ? 150 : 89;
        double m2 = median * Math.exp(0.3 * r.nextGaussian());
        m2 = Math.max(selfBuilt ? 60 : 32, Math.min(selfBuilt ? 360 : 260, m2));
        return (int) Math.round(m2 * 100);
    }
}
