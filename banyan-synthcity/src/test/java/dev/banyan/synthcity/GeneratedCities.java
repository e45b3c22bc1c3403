package dev.banyan.synthcity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cities generated once per test run and shared by the tests that only read them, to keep the suite fast. Each is
 * written into its own temporary directory, removed when the JVM exits.
 */
final class GeneratedCities {

    /** Large enough for rate estimates, small enough for a fast suite. */
    static final int PERSONS = 4_000;
    static final long SEED = 20_250_630L;

    private static final Map<Profile, GeneratedCity> CITIES = new HashMap<>();

    private GeneratedCities() {
    }

    static synchronized GeneratedCity of(Profile profile) {
        return CITIES.computeIfAbsent(profile, p -> generate(PERSONS, SEED, p));
    }

    static GeneratedCity generate(int persons, long seed, Profile profile) {
        try {
            Path dir = Files.createTempDirectory("synthcity-" + profile.name().toLowerCase() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            GenerationReport report = new CityGenerator()
                    .generate(new GenerationOptions(persons, seed, profile, dir), ProgressListener.none());
            return new GeneratedCity(dir, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
