package dev.banyan.synthcity.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One department's share of the ground truth (真值表): which true person or company each of its records is about.
 * Departments run in parallel, so each writes its own part files; {@link GroundTruthFiles} joins them in department
 * order afterwards.
 */
public final class GroundTruthLedger implements Closeable {

    private final String department;
    private final Path personsPart;
    private final Path companiesPart;
    private Writer persons;
    private Writer companies;

    public GroundTruthLedger(Path partsDir, int order, String department) {
        this.department = department;
        String prefix = (order < 10 ? "0" : "") + order + "-" + department;
        this.personsPart = partsDir.resolve(prefix + "-persons.part");
        this.companiesPart = partsDir.resolve(prefix + "-companies.part");
    }

    void person(String dataset, String recordId, String personId) {
        try {
            if (persons == null) {
                persons = Files.newBufferedWriter(personsPart, StandardCharsets.UTF_8);
            }
            line(persons, dataset, recordId, personId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void company(String dataset, String recordId, String companyId) {
        try {
            if (companies == null) {
                companies = Files.newBufferedWriter(companiesPart, StandardCharsets.UTF_8);
            }
            line(companies, dataset, recordId, companyId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(Writer w, String dataset, String recordId, String id) throws IOException {
        // department, dataset and ids never contain commas or quotes
        w.write(department);
        w.write(',');
        w.write(dataset);
        w.write(',');
        w.write(recordId);
        w.write(',');
        w.write(id);
        w.write('\n');
    }

    @Override
    public void close() throws IOException {
        if (persons != null) {
            persons.close();
        }
        if (companies != null) {
            companies.close();
        }
    }

    Path personsPart() {
        return personsPart;
    }

    Path companiesPart() {
        return companiesPart;
    }
}
