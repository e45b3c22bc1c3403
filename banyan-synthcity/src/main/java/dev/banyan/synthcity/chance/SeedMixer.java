package dev.banyan.synthcity.chance;

/**
 * Order-independent randomness (种子混合): a SplitMix64 finaliser over {@code (seed, aspect, index)}.
 *
 * <p>Attributes that several departments print (a person's phone, wage, education) are derived from a hash of the
 * entity's index instead of being stored, so that memory stays at a few bytes per person and the value is the same
 * whichever department, thread or order asks for it.
 */
public final class SeedMixer {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SeedMixer() {
    }

    /** The SplitMix64 finaliser: a bijection of 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of one entity's aspect under one seed. */
    public static long of(long seed, long aspect, long index) {
        return mix(mix(seed + aspect * GOLDEN) + (index + 1) * GOLDEN);
    }

    /** A value in {@code [0, bound)} taken from a hash. */
    public static int below(long hash, int bound) {
        return (int) ((hash >>> 1) % bound);
    }

    /** A value in {@code [0, 1)} taken from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
