package dev.banyan.synthcity.people;

import dev.banyan.synthcity.chance.SeedMixer;

import java.util.SplittableRandom;

/**
 * Deaths in the years the departments' systems cover (死亡): a Gompertz hazard that doubles about every 7.5 years of
 * age, plus infant mortality, applied year by year from 2020 to the snapshot. The dead stay in the population, as they
 * stay in the household register with a cancelled status.
 */
public final class Mortality {

    public static final int FIRST_YEAR = 2020;

    private Mortality() {
    }

    static double annualHazard(int age, boolean female) {
        if (age == 0) {
            return 0.004;
        }
        if (age < 5) {
            return 0.0004;
        }
        // men die earlier at every adult age; Chinese life expectancy is about 6 years shorter for men
        double sex = female ? 0.7 : 1.35;
        return Math.min(0.4, 0.00003 * sex * Math.exp(0.092 * age));
    }

    /** Draws a death day (or none) for every person. */
    public static void apply(Population pop, long seed) {
        SplittableRandom r = new SplittableRandom(SeedMixer.of(seed, 0xDEAD, 0));
        int lastYear = Snapshot.DATE.getYear();
        for (int i = 0; i < pop.size; i++) {
            int birth = pop.birthDay[i];
            for (int year = FIRST_YEAR; year <= lastYear; year++) {
                int from = Math.max(Snapshot.day(year, 1, 1), birth + 1);
                int to = Math.min(Snapshot.day(year, 12, 31), Snapshot.DAY - 1);
                if (from > to) {
                    continue;
                }
                double q = annualHazard(Snapshot.age(birth, from), pop.female[i]) * (to - from + 1) / 365.0;
                if (r.nextDouble() < q) {
                    pop.deathDay[i] = from + r.nextInt(to - from + 1);
                    break;
                }
            }
        }
    }
}
