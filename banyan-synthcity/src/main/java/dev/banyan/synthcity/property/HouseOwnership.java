package dev.banyan.synthcity.property;

import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.economy.EnterpriseKind;
import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Snapshot;

import java.util.SplittableRandom;

/**
 * Decides who holds the title to each dwelling (产权归属): most households own their home, couples often jointly;
 * the rest rent from another resident or from a company; some owners hold a second flat elsewhere in the city.
 */
public final class HouseOwnership {

    private HouseOwnership() {
    }

    public static void assign(Population pop, Enterprises ent, Houses houses, Gazetteer gazetteer, long seed) {
        SplittableRandom r = new SplittableRandom(SeedMixer.of(seed, 0x405E, 0));
        int n = pop.size();
        int householdCount = pop.householdCount();
        for (int h = 0; h < householdCount; h++) {
            int house = pop.house(h);
            int head = pop.head(h);
            int spouse = pop.spouse(h);
            int headAge = pop.ageAt(head, Snapshot.DAY);
            boolean village = houses.selfBuilt(house);
            double ownChance = village ? 0.95 : headAge >= 45 ? 0.82 : headAge >= 30 ? 0.7 : 0.35;
            if (r.nextDouble() < ownChance) {
                boolean joint = spouse >= 0 && r.nextDouble() < 0.55;
                houses.own(house, head, joint ? spouse : Houses.NO_OWNER, purchaseDay(pop, h, houses.kind(house), r));
                // a second flat, registered to the same owners
                if (!village && headAge >= 35 && headAge <= 70 && r.nextDouble() < 0.15) {
                    int community = gazetteer.pickCommunity(r.nextDouble());
                    int second = houses.add(community, false, HouseKind.COMMODITY, HousePurpose.RESIDENTIAL,
                            (int) Math.round(100 * Math.max(35, Math.min(220, 85 * Math.exp(0.3 * r.nextGaussian())))));
                    houses.own(second, head, joint ? spouse : Houses.NO_OWNER,
                            Snapshot.day(2008, 1, 1) + r.nextInt(Snapshot.DAY - Snapshot.day(2008, 1, 1)));
                }
            } else {
                int landlord = drawLandlord(pop, ent, h, r, n);
                houses.own(house, landlord, Houses.NO_OWNER,
                        Snapshot.day(2000, 1, 1) + r.nextInt(Snapshot.DAY - Snapshot.day(2000, 1, 1)));
            }
        }
    }

    private static int purchaseDay(Population pop, int h, HouseKind kind, SplittableRandom r) {
        int head = pop.head(h);
        int from = Snapshot.plusYears(pop.birthDay(head), 22);
        if (pop.marriageDay(h) > 0) {
            from = Math.max(from, pop.marriageDay(h) - 365);
        }
        if (kind == HouseKind.REFORM) {
            // welfare housing was sold to its tenants in the housing reform of the late 1990s
            from = Math.max(Snapshot.day(1995, 1, 1), Math.min(from, Snapshot.day(2003, 1, 1)));
            return Math.min(Snapshot.DAY - 1, from + r.nextInt(3 * 365));
        }
        // the real-estate registry's digital records start with the unified registration of the 1990s
        from = Math.max(from, Snapshot.day(1995, 1, 1));
        if (from >= Snapshot.DAY - 1) {
            return Snapshot.DAY - 1;
        }
        return from + r.nextInt(Snapshot.DAY - from);
    }

    private static int drawLandlord(Population pop, Enterprises ent, int h, SplittableRandom r, int n) {
        if (ent.size() > 0 && r.nextDouble() < 0.08) {
            for (int attempt = 0; attempt < 50; attempt++) {
                int e = r.nextInt(ent.size());
                if (ent.kind(e) != EnterpriseKind.INDIVIDUAL_BUSINESS) {
                    return Houses.enterpriseOwner(e);
                }
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = r.nextInt(n);
            if (pop.household(p) != h && pop.ageAt(p, Snapshot.DAY) >= 30 && !pop.isDead(p)) {
                return p;
            }
        }
        return pop.head(h);
    }
}
