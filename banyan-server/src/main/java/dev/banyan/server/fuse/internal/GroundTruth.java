package dev.banyan.server.fuse.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.fuse.EntityKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The synthetic city's ground truth (真值) as record id → true entity, for measuring the linkage: the generator's
 * {@code ground_truth/persons.csv} and {@code companies.csv} list each department's record ids with the person or
 * company they describe; the record ids of the base libraries are the resource code and business key.
 */
final class GroundTruth {

    private GroundTruth() {
    }

    static Path file(Path cityDir, EntityKind kind) {
        return cityDir.resolve("ground_truth").resolve(kind == EntityKind.PERSON ? "persons.csv" : "companies.csv");
    }

    /** Empty when the city dir has no ground truth. */
    static Optional<Map<String, String>> read(Path cityDir, EntityKind kind, CityDatasetResources resources) {
        Path file = file(cityDir, kind);
        if (cityDir == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String entityColumn = kind == EntityKind.PERSON ? "person_id" : "company_id";
        Map<String, String> codes = new HashMap<>();
        Map<String, String> truth = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord r : csv) {
                String dataset = r.getField("department") + "/" + r.getField("dataset");
                String code = codes.computeIfAbsent(dataset, d -> resources.find(r.getField("department"),
                        r.getField("dataset")).map(Resource::code).orElse(""));
                if (!code.isEmpty()) {
                    truth.put(SourceRow.recordId(code, r.getField("record_id")), r.getField(entityColumn));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(truth);
    }
}
