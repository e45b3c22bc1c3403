package dev.banyan.server.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The row counts of the generated city's datasets, from the {@code manifest.json} the generator writes beside them,
 * keyed by the file's path (e.g. {@code police/household_registration.csv}); empty when no city was generated.
 */
final class CityManifest {

    private CityManifest() {
    }

    static Map<String, Long> rows(Path cityDir) {
        Path manifest = cityDir.resolve("manifest.json");
        Map<String, Long> rows = new HashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return rows;
        }
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(manifest));
            for (JsonNode department : root.path("departments")) {
                for (JsonNode dataset : department.path("datasets")) {
                    rows.put(dataset.path("file").asString(), dataset.path("rows").asLong());
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged manifest only costs the row counts in the summaries; the catalog is registered anyway.
            rows.clear();
        }
        return rows;
    }
}
