package dev.banyan.synthcity.economy;

import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.chance.WeightedTable;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Snapshot;

import java.util.SplittableRandom;

/**
 * Puts working-age residents into jobs (就业): owners of individual businesses and one-person companies work in
 * their own business; others are employed with an age- and sex-specific probability by an active enterprise drawn
 * in proportion to its size, so a few employers are large and most are tiny.
 */
public final class Employment {

    private Employment() {
    }

    /** Probability of being employed at a given age (women retire at 50 or 55, men at 60). */
    static double employmentRate(int age, boolean female) {
        if (age < 18 || age > 64) {
            return 0;
        }
        if (age <= 21) {
            return 0.2;
        }
        if (age <= 24) {
            return 0.65;
        }
        if (age <= 29) {
            return 0.8;
        }
        if (age <= 49) {
            return female ? 0.75 : 0.85;
        }
        if (age <= 54) {
            return female ? 0.5 : 0.78;
        }
        if (age <= 59) {
            return female ? 0.2 : 0.65;
        }
        return female ? 0.05 : 0.15;
    }

    public static void assign(Population pop, Enterprises ent, long seed) {
        SplittableRandom r = new SplittableRandom(SeedMixer.of(seed, 0x70B, 0));
        double[] weights = new double[ent.size()];
        boolean anyActive = false;
        for (int e = 0; e < ent.size(); e++) {
            if (ent.isActive(e)) {
                weights[e] = ent.sizeWeight[e];
                anyActive = true;
            }
        }
        for (int e = 0; e < ent.size(); e++) {
            EnterpriseKind kind = ent.kind(e);
            int owner = ent.legalRepresentative(e);
            if (ent.isActive(e) && (kind == EnterpriseKind.INDIVIDUAL_BUSINESS
                    || kind == EnterpriseKind.LIMITED_SOLE_SHAREHOLDER)
                    && pop.employer(owner) < 0 && !pop.isDead(owner) && pop.ageAt(owner, Snapshot.DAY) <= 64) {
                pop.assignEmployer(owner, e);
                ent.countEmployee(e);
            }
        }
        if (!anyActive) {
            return;
        }
        WeightedTable employers = new WeightedTable(weights);
        for (int p = 0; p < pop.size(); p++) {
            if (pop.employer(p) >= 0 || pop.isDead(p)) {
                continue;
            }
            int age = pop.ageAt(p, Snapshot.DAY);
            if (r.nextDouble() < employmentRate(age, pop.isFemale(p))) {
                int e = employers.pick(r);
                pop.assignEmployer(p, e);
                ent.countEmployee(e);
            }
        }
    }
}
