package dev.banyan.synthcity.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Joins the departments' ground-truth parts (真值表合并) into {@code ground_truth/persons.csv} and
 * {@code ground_truth/companies.csv}, in department order, and removes the parts.
 */
public final class GroundTruthFiles {

    public static final String PERSONS = "persons.csv";
    public static final String COMPANIES = "companies.csv";

    private GroundTruthFiles() {
    }

    /** Returns the line counts {persons, companies} (headers excluded). */
    public static long[] join(Path groundTruthDir, List<GroundTruthLedger> ledgers) throws IOException {
        long persons = concatenate(groundTruthDir.resolve(PERSONS), "department,dataset,record_id,person_id\n",
                ledgers.stream().map(GroundTruthLedger::personsPart).toList());
        long companies = concatenate(groundTruthDir.resolve(COMPANIES), "department,dataset,record_id,company_id\n",
                ledgers.stream().map(GroundTruthLedger::companiesPart).toList());
        return new long[]{persons, companies};
    }

    private static long concatenate(Path target, String header, List<Path> parts) throws IOException {
        long lines = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(header.getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            for (Path part : parts) {
                if (!Files.exists(part)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(part)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
                Files.delete(part);
            }
        }
        return lines;
    }
}
