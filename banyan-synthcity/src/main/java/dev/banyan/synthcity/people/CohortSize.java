package dev.banyan.synthcity.people;

import dev.banyan.synthcity.chance.WeightedTable;

import java.util.SplittableRandom;

/**
 * The relative size of Chinese birth cohorts alive today (出生队列规模): the 1959-61 famine dip, the 1962-75 baby
 * boom, its echo around 1985-91 and the decline after 2017, thinned by mortality at old age.
 */
final class CohortSize {

    private CohortSize() {
    }

    static double weight(int birthYear) {
        double born;
        if (birthYear < 1950) {
            born = 0.6 + (birthYear - 1930) * 0.02;
        } else if (birthYear <= 1958) {
            born = 1.0;
        } else if (birthYear <= 1961) {
            born = 0.7;
        } else if (birthYear <= 1975) {
            born = 1.2;
        } else if (birthYear <= 1984) {
            born = 1.0;
        } else if (birthYear <= 1991) {
            born = 1.2;
        } else if (birthYear <= 2015) {
            born = 0.85;
        } else if (birthYear <= 2017) {
            born = 0.95;
        } else {
            born = 0.85 - (birthYear - 2017) * 0.05;
        }
        int age = Snapshot.DATE.getYear() - birthYear;
        double surviving = age <= 60 ? 1.0 : Math.exp(-Math.pow((age - 60) / 18.0, 2));
        return born * surviving;
    }

    /** A sampler of birth years in {@code [from, to]} in proportion to cohort size. */
    static Years between(int from, int to) {
        double[] w = new double[to - from + 1];
        for (int y = from; y <= to; y++) {
            w[y - from] = weight(y);
        }
        return new Years(from, new WeightedTable(w));
    }

    /** Birth years drawn from one range. */
    record Years(int from, WeightedTable table) {
        int draw(SplittableRandom r) {
            return from + table.pick(r);
        }
    }
}
