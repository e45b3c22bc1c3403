package dev.banyan.synthcity.people;

/**
 * The kinds of household (家庭户类型) the city is assembled from, with their share of households. The mix gives an
 * average household of about 2.6 people, as in Fuzhou, and the Chinese age pyramid.
 */
enum HouseholdType {
    SINGLE_YOUNG(8),
    SINGLE_MIDDLE_AGED(5),
    SINGLE_ELDERLY(8),
    YOUNG_COUPLE(6),
    EMPTY_NEST(16),
    NUCLEAR_FAMILY(40),
    THREE_GENERATIONS(14),
    SINGLE_PARENT(4);

    private final double share;

    HouseholdType(double share) {
        this.share = share;
    }

    static double[] shares() {
        HouseholdType[] all = values();
        double[] w = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            w[i] = all[i].share;
        }
        return w;
    }
}
