package dev.banyan.synthcity.economy;

import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Snapshot;

import java.util.SplittableRandom;

/**
 * Marks low-income households (低收入家庭): households where nobody works, above all single parents and lone
 * elderly people, are likely to qualify for the minimum living allowance and public rental housing.
 */
public final class Poverty {

    private Poverty() {
    }

    public static void mark(Population pop, long seed) {
        SplittableRandom r = new SplittableRandom(SeedMixer.of(seed, 0x10C, 0));
        for (int h = 0; h < pop.householdCount(); h++) {
            int first = pop.householdFirst(h);
            int size = pop.householdSize(h);
            boolean anyoneWorks = false;
            boolean anyoneAlive = false;
            boolean children = false;
            for (int i = first; i < first + size; i++) {
                anyoneWorks |= pop.employer(i) >= 0;
                anyoneAlive |= !pop.isDead(i);
                children |= pop.relation(i).isChild() && pop.ageAt(i, Snapshot.DAY) < 18;
            }
            if (!anyoneAlive) {
                continue;
            }
            double chance;
            if (anyoneWorks) {
                chance = 0.004;
            } else if (children) {
                chance = 0.3;
            } else if (size == 1 && pop.ageAt(first, Snapshot.DAY) >= 60) {
                chance = 0.06;
            } else {
                chance = 0.05;
            }
            if (r.nextDouble() < chance) {
                pop.markLowIncome(h);
            }
        }
    }
}
