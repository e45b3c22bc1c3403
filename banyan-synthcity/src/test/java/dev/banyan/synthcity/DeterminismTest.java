package dev.banyan.synthcity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static final int PERSONS = 1_500;
    private static GeneratedCity first;
    private static GeneratedCity second;
    private static GeneratedCity otherSeed;
    private static GeneratedCity singleThread;

    @BeforeAll
    static void generate() {
        first = GeneratedCities.generate(PERSONS, 99, Profile.NORMAL);
        second = GeneratedCities.generate(PERSONS, 99, Profile.NORMAL);
        otherSeed = GeneratedCities.generate(PERSONS, 100, Profile.NORMAL);
        try {
            Path dir = Files.createTempDirectory("synthcity-single-");
            GenerationReport report = new CityGenerator(1)
                    .generate(new GenerationOptions(PERSONS, 99, Profile.NORMAL, dir), ProgressListener.none());
            singleThread = new GeneratedCity(dir, report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void clean() {
        for (GeneratedCity c : List.of(first, second, otherSeed, singleThread)) {
            GeneratedCities.delete(c.dir());
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        List<String> files = relativeFiles(first.dir());
        assertThat(files).contains("manifest.json", "README.txt", "education/pupils.xlsx",
                "ground_truth/persons.csv", "transport/drivers.csv");
        assertThat(relativeFiles(second.dir())).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(second.dir().resolve(f)))
                    .as(f).isEqualTo(Files.readAllBytes(first.dir().resolve(f)));
        }
    }

    @Test
    void threadCountDoesNotChangeTheFiles() throws IOException {
        for (String f : relativeFiles(first.dir())) {
            assertThat(Files.readAllBytes(singleThread.dir().resolve(f)))
                    .as(f).isEqualTo(Files.readAllBytes(first.dir().resolve(f)));
        }
    }

    @Test
    void anotherSeedGivesAnotherCity() throws IOException {
        for (String f : List.of("public-security/household_registration.csv", "market-regulation/enterprises.csv",
                "education/pupils.xlsx", "ground_truth/persons_master.csv")) {
            assertThat(Arrays.equals(Files.readAllBytes(otherSeed.dir().resolve(f)),
                    Files.readAllBytes(first.dir().resolve(f)))).as(f).isFalse();
        }
    }

    @Test
    void reportMatchesTheFilesOnDisk() {
        assertThat(first.report().persons()).isEqualTo(PERSONS);
        assertThat(first.report().datasets()).allSatisfy(f ->
                assertThat(first.dir().resolve(f.relativePath())).isRegularFile());
        assertThat(first.report().datasets()).extracting(DatasetFile::servedAs)
                .containsOnly("file", "database", "ground-truth");
    }

    @Test
    void generatingAgainIntoTheSameDirectoryReplacesTheOldCity() throws IOException {
        Path dir = Files.createTempDirectory("synthcity-again-");
        try {
            Files.writeString(dir.resolve("keep.txt"), "not ours");
            new CityGenerator().generate(new GenerationOptions(300, 5, Profile.HARD, dir), ProgressListener.none());
            GenerationReport again = new CityGenerator()
                    .generate(new GenerationOptions(200, 6, Profile.NORMAL, dir), ProgressListener.none());
            assertThat(dir.resolve("keep.txt")).hasContent("not ours");
            long registered = again.datasets().stream()
                    .filter(d -> d.dataset().equals("household_registration")).findFirst().orElseThrow().rows();
            assertThat(registered).isEqualTo(200);
            assertThat(Files.readAllLines(dir.resolve("public-security/household_registration.csv"))).hasSize(201);
            assertThat(dir.resolve("ground_truth/.parts")).doesNotExist();
        } finally {
            GeneratedCities.delete(dir);
        }
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(dir.relativize(p).toString().replace('\\', '/'));
            }
            return files;
        }
    }
}
