package dev.banyan.synthcity.departments;

import java.util.SplittableRandom;

/**
 * The order in which a department's system lists its records (记录顺序): a shuffle of the true order, so that row
 * positions say nothing about which records belong to the same person.
 */
final class VisitOrder {

    private VisitOrder() {
    }

    static int[] shuffled(int n, SplittableRandom r) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
