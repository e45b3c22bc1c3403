package dev.banyan.server.ingest;

import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.GenerationReport;
import dev.banyan.synthcity.Profile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One small synthetic city per test JVM, generated on first use and deleted at exit. */
final class TestCity {

    private static GenerationReport report;

    private TestCity() {
    }

    static synchronized GenerationReport get() {
        if (report == null) {
            try {
                Path dir = Files.createTempDirectory("banyan-ingest-city-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                report = new CityGenerator(2).generate(new GenerationOptions(1_000, 20_260_101L, Profile.NORMAL, dir), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }

    /** The manifest entry of a dataset. */
    static JsonNode dataset(String department, String dataset) {
        JsonNode manifest = JsonMapper.builder().build().readTree(get().outDir().resolve("manifest.json").toFile());
        for (JsonNode d : manifest.get("departments")) {
            if (d.get("code").asString().equals(department)) {
                for (JsonNode s : d.get("datasets")) {
                    if (s.get("dataset").asString().equals(dataset)) {
                        return s;
                    }
                }
            }
        }
        throw new IllegalArgumentException(department + "/" + dataset);
    }

    static List<String> columns(JsonNode dataset) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : dataset.get("columns")) {
            names.add(c.get("name").asString());
        }
        return names;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
