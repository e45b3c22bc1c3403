package dev.banyan.synthcity.economy;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Snapshot;

/**
 * Retirement with an employee pension (职工养老保险待遇): men at 60, women at 50 or 55; most urban elderly receive
 * one, fewer in the counties where many are covered by the residents' scheme instead.
 */
public final class Pensions {

    private final long seed;
    private final Population population;

    public Pensions(long seed, Population population) {
        this.seed = seed;
        this.population = population;
    }

    /** The statutory retirement age (before the 2025 gradual increase). */
    public int retirementAge(int person) {
        if (!population.isFemale(person)) {
            return 60;
        }
        return SeedMixer.unit(Aspect.WAGE.hash(seed, person)) < 0.6 ? 50 : 55;
    }

    /** Whether the person draws an employee pension (or did until death). */
    public boolean isPensioner(int person, boolean urban) {
        if (population.employer(person) >= 0) {
            return false;
        }
        int retired = Snapshot.plusYears(population.birthDay(person), retirementAge(person));
        if (retired > Snapshot.DAY || (population.isDead(person) && population.deathDay(person) < retired)) {
            return false;
        }
        double coverage = urban ? 0.78 : 0.42;
        return SeedMixer.unit(Aspect.WAGE.hash(seed, person + 0x2_0000_0000L)) < coverage;
    }

    public int retirementDay(int person) {
        return Snapshot.plusYears(population.birthDay(person), retirementAge(person));
    }

    /** Monthly pension in yuan; later cohorts retired on higher wages. */
    public int monthly(int person) {
        int year = Snapshot.yearOf(retirementDay(person));
        double base = 1_600 + Math.max(0, year - 1990) * 95;
        double noise = 0.75 + 0.5 * SeedMixer.unit(Aspect.WAGE.hash(seed, person + 0x3_0000_0000L));
        return (int) Math.round(base * noise);
    }
}
