package dev.banyan.server.ingest;

import dev.banyan.synthcity.DatasetFile;
import dev.banyan.synthcity.GenerationReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file the synthetic city hands over reads through its connector with the manifest's columns and row count. */
class CityFilesTest {

    @Test
    void everyDepartmentFileReadsWithTheManifestsColumnsAndRowCount() {
        GenerationReport city = TestCity.get();
        List<DatasetFile> files = city.datasets().stream().filter(f -> !f.servedAs().equals("ground-truth")).toList();
        assertThat(files).extracting(DatasetFile::format).contains("csv", "tsv", "ndjson", "xlsx");
        for (DatasetFile f : files) {
            JsonNode manifest = TestCity.dataset(f.department(), f.dataset());
            Path file = city.outDir().resolve(f.relativePath());
            SourceSpec spec = SourceSpec.builder(f.format(), file.toString())
                    .expectedColumns(TestCity.columns(manifest)).build();
            TestFiles.Read read = TestFiles.readAll(spec);
            assertThat(read.rows()).as(f.relativePath()).hasSize((int) f.rows());
            assertThat(read.columns()).as(f.relativePath()).containsExactlyElementsOf(TestCity.columns(manifest));
            assertThat(read.rowProblems()).as(f.relativePath()).filteredOn(RowProblem::isError).isEmpty();
            assertThat(read.rows()).as(f.relativePath()).allSatisfy(r ->
                    assertThat(r.values()).hasSize(read.columns().size()));
            assertThat(read.fingerprint().rows()).isEqualTo(f.rows());
            if (f.encoding().equals("GBK")) {
                assertThat(read.description()).as(f.relativePath()).contains("GB18030");
            } else if (!f.format().equals("xlsx")) {
                assertThat(read.description()).as(f.relativePath()).contains("UTF-8");
            }
        }
    }

    @Test
    void theGbkFileGivesChineseText() {
        GenerationReport city = TestCity.get();
        Path file = city.outDir().resolve("civil-affairs/minimum_living_allowance.csv");
        TestFiles.Read read = TestFiles.readAll("csv", file);
        int status = read.columns().indexOf("保障状态");
        assertThat(status).isNotNegative();
        assertThat(read.rows()).extracting(r -> r.value(status)).allSatisfy(v -> assertThat(v).matches("[\\p{IsHan}]+"));
    }

    @Test
    void thePupilsWorkbookGivesIsoDatesAndNoFormulas() {
        GenerationReport city = TestCity.get();
        TestFiles.Read read = TestFiles.readAll("xlsx", city.outDir().resolve("education/pupils.xlsx"));
        assertThat(read.rowProblems()).isEmpty();
        JsonNode manifest = TestCity.dataset("education", "pupils");
        for (JsonNode c : manifest.get("columns")) {
            if (c.get("type").asString().equals("date")) {
                int i = read.columns().indexOf(c.get("name").asString());
                // clerks type dates in many ways; the cells Excel knows as dates come out ISO
                assertThat(read.rows()).extracting(r -> r.value(i)).filteredOn(v -> v != null && v.matches("\\d{4}-\\d\\d-\\d\\d"))
                        .isNotEmpty();
            }
        }
    }

    @Test
    void readingTheSameCityFileTwiceGivesTheSameFingerprint() {
        GenerationReport city = TestCity.get();
        for (String relative : List.of("public-security/household_registration.csv",
                "medical-insurance/insured_persons.ndjson", "education/pupils.xlsx",
                "provident-fund/personal_accounts.tsv")) {
            Path file = city.outDir().resolve(relative);
            String type = relative.substring(relative.lastIndexOf('.') + 1);
            SourceFingerprint once = TestFiles.readAll(type, file).fingerprint();
            SourceFingerprint twice = TestFiles.readAll(type, file).fingerprint();
            assertThat(twice).as(relative).isEqualTo(once);
        }
    }
}
