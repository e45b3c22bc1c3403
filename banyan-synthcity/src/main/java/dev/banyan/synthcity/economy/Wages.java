package dev.banyan.synthcity.economy;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Snapshot;

import java.util.SplittableRandom;

/**
 * Earnings and job start dates (工资与入职), derived from a person's index so that the tax bureau, the social
 * insurance fund and the provident fund see the same wage.
 */
public final class Wages {

    /** Fuzhou's monthly minimum wage for the central districts (一类地区), yuan. */
    public static final int MINIMUM = 2_030;
    /** Median monthly wage of the synthetic city, yuan. */
    private static final double MEDIAN = 6_200;

    private final long seed;
    private final Population population;
    private final Enterprises enterprises;

    public Wages(long seed, Population population, Enterprises enterprises) {
        this.seed = seed;
        this.population = population;
        this.enterprises = enterprises;
    }

    /** Gross monthly wage in yuan of an employed person (0 for the unemployed). */
    public int monthly(int person) {
        int e = population.employer(person);
        if (e < 0) {
            return 0;
        }
        SplittableRandom r = Aspect.WAGE.random(seed, person);
        int age = population.ageAt(person, Snapshot.DAY);
        double experience = age < 25 ? 0.75 : age < 35 ? 1.0 : age < 50 ? 1.15 : 1.0;
        double owner = enterprises.legalRepresentative(e) == person ? 1.4 : 1.0;
        double wage = MEDIAN * enterprises.industry(e).wageLevel() * experience * owner * Math.exp(0.45 * r.nextGaussian());
        return Math.max(MINIMUM, (int) Math.round(wage / 10) * 10);
    }

    /** The day the person joined the current employer. */
    public int hiredDay(int person) {
        int e = population.employer(person);
        if (e < 0) {
            return 0;
        }
        int from = Math.max(enterprises.established(e), Snapshot.plusYears(population.birthDay(person), 18));
        from = Math.max(from, Snapshot.day(2005, 1, 1));
        int to = Snapshot.DAY - 31;
        if (from >= to) {
            return to;
        }
        if (enterprises.legalRepresentative(e) == person) {
            return Math.max(from, enterprises.established(e));
        }
        SplittableRandom r = Aspect.WAGE.random(seed, person + 0x1_0000_0000L);
        return from + r.nextInt(to - from + 1);
    }
}
