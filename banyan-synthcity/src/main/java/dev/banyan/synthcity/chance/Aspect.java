package dev.banyan.synthcity.chance;

import java.util.SplittableRandom;

/**
 * The independent random streams of the city (随机维度): each derived attribute has its own aspect so that adding one
 * attribute never shifts the values of another.
 */
public enum Aspect {
    PHONE, WAGE, EDUCATION, FORMER_NAME, COMPANY_ADDRESS, COMPANY_PHONE, FUND_BALANCE, BIRTH_DETAILS, DEATH_DETAILS,
    SCHOOL, VEHICLE, DRIVER, TAX, HOUSEHOLD_DETAILS;

    private long salt() {
        return 0x5EED_0000L + ordinal() * 7919L;
    }

    /** A hash of entity {@code index} for this aspect. */
    public long hash(long seed, long index) {
        return SeedMixer.of(seed, salt(), index);
    }

    /** A private generator for entity {@code index} when an attribute needs several draws. */
    public SplittableRandom random(long seed, long index) {
        return new SplittableRandom(hash(seed, index));
    }
}
