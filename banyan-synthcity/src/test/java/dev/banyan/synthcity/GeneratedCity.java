package dev.banyan.synthcity;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A generated city on disk, with readers for its manifest, datasets and ground truth, as a consumer would read them. */
record GeneratedCity(Path dir, GenerationReport report) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode manifest() {
        return JSON.readTree(dir.resolve("manifest.json"));
    }

    /** The manifest entry of every dataset of every department. */
    List<JsonNode> datasets() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode d : manifest().get("departments").values()) {
            all.addAll(d.get("datasets").values());
        }
        return all;
    }

    JsonNode dataset(String department, String dataset) {
        for (JsonNode d : datasets()) {
            if (d.get("file").asString().equals(department + "/" + dataset + "." + d.get("format").asString())) {
                return d;
            }
        }
        throw new IllegalArgumentException("no dataset " + department + "/" + dataset);
    }

    JsonNode messRates(String department) {
        for (JsonNode d : manifest().get("departments").values()) {
            if (d.get("code").asString().equals(department)) {
                return d.get("mess_rates");
            }
        }
        throw new IllegalArgumentException("no department " + department);
    }

    /** The rows of a dataset as column → value maps, whatever its format. */
    List<Map<String, String>> rows(JsonNode dataset) {
        Path file = dir.resolve(dataset.get("file").asString());
        String format = dataset.get("format").asString();
        try {
            return switch (format) {
                case "csv", "tsv" -> delimited(file, format.equals("tsv") ? '\t' : ',',
                        Charset.forName(dataset.get("encoding").asString()));
                case "ndjson" -> ndjson(file);
                case "xlsx" -> workbook(file);
                default -> throw new IllegalArgumentException(format);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, String>> rows(String department, String dataset) {
        return rows(dataset(department, dataset));
    }

    static List<Map<String, String>> delimited(Path file, char separator, Charset charset) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().fieldSeparator(separator).detectBomHeader(true)
                .ofNamedCsvRecord(file, charset)) {
            for (NamedCsvRecord r : reader) {
                rows.add(new LinkedHashMap<>(r.getFieldsAsMap()));
            }
        }
        return rows;
    }

    private static List<Map<String, String>> ndjson(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : lines.toList()) {
                JsonNode node = JSON.readTree(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (String name : node.propertyNames()) {
                    JsonNode v = node.get(name);
                    row.put(name, v.isNull() ? "" : v.asString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> workbook(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                List<String> header = new ArrayList<>();
                for (Cell c : sheet.getRow(0)) {
                    header.add(c.getStringCellValue());
                }
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row r = sheet.getRow(i);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int j = 0; j < header.size(); j++) {
                        Cell c = r.getCell(j);
                        String v = "";
                        if (c != null) {
                            v = c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)
                                    ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                                    : formatter.formatCellValue(c);
                        }
                        row.put(header.get(j), v);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Ground truth for persons or companies: "department/dataset/record_id" → entity id. */
    Map<String, String> groundTruth(String file) {
        Map<String, String> truth = new HashMap<>();
        try {
            for (Map<String, String> r : delimited(dir.resolve("ground_truth").resolve(file), ',',
                    java.nio.charset.StandardCharsets.UTF_8)) {
                String key = r.get("department") + "/" + r.get("dataset") + "/" + r.get("record_id");
                String id = r.containsKey("person_id") ? r.get("person_id") : r.get("company_id");
                if (truth.put(key, id) != null) {
                    throw new IllegalStateException("record listed twice in ground truth: " + key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return truth;
    }

    /** persons_master.csv keyed by person_id. */
    Map<String, Map<String, String>> personsMaster() {
        return master("persons_master.csv", "person_id");
    }

    Map<String, Map<String, String>> companiesMaster() {
        return master("companies_master.csv", "company_id");
    }

    private Map<String, Map<String, String>> master(String file, String key) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        try {
            for (Map<String, String> r : delimited(dir.resolve("ground_truth").resolve(file), ',',
                    java.nio.charset.StandardCharsets.UTF_8)) {
                byId.put(r.get(key), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }
}
