package dev.banyan.synthcity;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate (生成参数).
 *
 * @param persons number of residents (the demo uses 20,000; one in twelve gets a market entity)
 * @param seed    seed of every random choice; the same options give byte-identical files
 * @param profile how messy the departments' data are
 * @param outDir  directory to write the city into; previous output of the generator there is replaced
 */
public record GenerationOptions(int persons, long seed, Profile profile, Path outDir) {

    /** The demo size. */
    public static final int DEMO_PERSONS = 20_000;

    public GenerationOptions {
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1: " + persons);
        }
        if (persons > 50_000_000) {
            throw new IllegalArgumentException("persons must be at most 50,000,000: " + persons);
        }
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(outDir, "outDir");
    }

    /** The demo city: 20,000 residents, NORMAL mess. */
    public static GenerationOptions demo(Path outDir) {
        return new GenerationOptions(DEMO_PERSONS, 20_250_630L, Profile.NORMAL, outDir);
    }
}
