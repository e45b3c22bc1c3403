package dev.banyan.synthcity;

import dev.banyan.synthcity.departments.Department;
import dev.banyan.synthcity.mess.MessRates;
import dev.banyan.synthcity.output.Column;
import dev.banyan.synthcity.output.DatasetSpec;
import dev.banyan.synthcity.output.WrittenDataset;
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.banyan.synthcity.output.JsonText.quote;

/**
 * Writes {@code manifest.json} (数据清单): the generation parameters, every department with its description and
 * mess rates, and every dataset with its file, format, encoding, rows and columns. Hand-written JSON in a fixed
 * order, so that the same city gives the same bytes.
 */
final class Manifest {

    static final String FILE = "manifest.json";
    static final String GENERATOR_VERSION = "1.0.0";

    /** One department's part of the manifest. */
    record Entry(Department department, MessRates rates, List<WrittenDataset> datasets) {
    }

    private Manifest() {
    }

    static void write(Path dir, GenerationOptions options, int households, int enterprises, int houses,
                      List<Entry> entries, List<DatasetFile> groundTruth) throws IOException {
        StringBuilder b = new StringBuilder(32_768);
        b.append("{\n");
        field(b, 1, "name", "榕城 Rongcheng — synthetic city for Banyan").append(",\n");
        b.append("  \"city\": {\"name_zh\": \"榕城\", \"name_en\": \"Rongcheng\", \"modelled_on\": \"福州市 Fuzhou, Fujian\", "
                + "\"division_code\": \"350100\"},\n");
        b.append("  \"synthetic\": true,\n");
        field(b, 1, "notice", "All people, companies, identity numbers and records are synthetic. "
                + "本数据全部为合成数据，人员、企业、证件号码均为虚构。").append(",\n");
        field(b, 1, "generator", "banyan-synthcity").append(",\n");
        field(b, 1, "generator_version", GENERATOR_VERSION).append(",\n");
        b.append("  \"seed\": ").append(options.seed()).append(",\n");
        field(b, 1, "profile", options.profile().name()).append(",\n");
        field(b, 1, "snapshot_date", Snapshot.DATE.toString()).append(",\n");
        b.append("  \"persons\": ").append(options.persons()).append(",\n");
        b.append("  \"households\": ").append(households).append(",\n");
        b.append("  \"enterprises\": ").append(enterprises).append(",\n");
        b.append("  \"houses\": ").append(houses).append(",\n");
        b.append("  \"departments\": [\n");
        for (int i = 0; i < entries.size(); i++) {
            department(b, entries.get(i));
            b.append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        b.append("  ],\n");
        b.append("  \"ground_truth\": [\n");
        for (int i = 0; i < groundTruth.size(); i++) {
            DatasetFile f = groundTruth.get(i);
            b.append("    {");
            b.append("\"dataset\": ").append(quote(f.dataset())).append(", ");
            b.append("\"file\": ").append(quote(f.relativePath())).append(", ");
            b.append("\"format\": \"csv\", \"encoding\": \"UTF-8\", ");
            b.append("\"rows\": ").append(f.rows()).append(", ");
            b.append("\"served_as\": \"ground-truth\", ");
            b.append("\"description\": ").append(quote(groundTruthDescription(f.dataset()))).append('}');
            b.append(i + 1 < groundTruth.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        Files.writeString(dir.resolve(FILE), b.toString(), StandardCharsets.UTF_8);
    }

    private static String groundTruthDescription(String dataset) {
        return switch (dataset) {
            case "persons" -> "Every record about a person (department, dataset, record_id) with its true person_id";
            case "companies" -> "Every record about a company (department, dataset, record_id) with its true company_id";
            case "persons_master" -> "True attributes of every person (golden record)";
            case "companies_master" -> "True attributes of every company (golden record)";
            default -> "";
        };
    }

    private static void department(StringBuilder b, Entry e) {
        Department d = e.department();
        b.append("    {\n");
        field(b, 3, "code", d.code()).append(",\n");
        field(b, 3, "name_zh", d.nameZh()).append(",\n");
        field(b, 3, "name_en", d.nameEn()).append(",\n");
        field(b, 3, "description_zh", d.descriptionZh()).append(",\n");
        field(b, 3, "description_en", d.descriptionEn()).append(",\n");
        field(b, 3, "served_as", d.servedAs()).append(",\n");
        b.append("      \"mess_rates\": {");
        RecordComponent[] components = MessRates.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                Object value = components[i].getAccessor().invoke(e.rates());
                b.append(i == 0 ? "" : ", ").append(quote(snake(components[i].getName()))).append(": ").append(number((Double) value));
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        b.append("},\n");
        b.append("      \"datasets\": [\n");
        for (int i = 0; i < e.datasets().size(); i++) {
            dataset(b, e.datasets().get(i), d.servedAs().equals("database"));
            b.append(i + 1 < e.datasets().size() ? ",\n" : "\n");
        }
        b.append("      ]\n    }");
    }

    private static void dataset(StringBuilder b, WrittenDataset w, boolean database) {
        DatasetSpec s = w.spec();
        b.append("        {\n");
        field(b, 5, "dataset", s.name()).append(",\n");
        field(b, 5, "title_zh", s.titleZh()).append(",\n");
        field(b, 5, "title_en", s.titleEn()).append(",\n");
        field(b, 5, "file", s.relativePath()).append(",\n");
        field(b, 5, "format", s.format().label()).append(",\n");
        field(b, 5, "encoding", s.encodingLabel()).append(",\n");
        b.append("          \"bom\": ").append(s.bom()).append(",\n");
        field(b, 5, "line_ending", s.crlf() ? "CRLF" : "LF").append(",\n");
        b.append("          \"rows\": ").append(w.rows()).append(",\n");
        field(b, 5, "served_as", w.servedAs()).append(",\n");
        if (database) {
            field(b, 5, "database_table", s.department() + "." + s.name()).append(",\n");
        }
        field(b, 5, "subject", s.subject().label()).append(",\n");
        field(b, 5, "record_id_column", DatasetSpec.RECORD_ID).append(",\n");
        b.append("          \"columns\": [");
        List<Column> columns = s.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"name\": ").append(quote(c.name()))
                    .append(", \"type\": ").append(quote(c.type().name().toLowerCase(java.util.Locale.ROOT)));
            if (!c.comment().isEmpty()) {
                b.append(", \"comment\": ").append(quote(c.comment()));
            }
            b.append('}');
        }
        b.append("]\n        }");
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static StringBuilder field(StringBuilder b, int indent, String key, String value) {
        return b.append("  ".repeat(indent)).append(quote(key)).append(": ").append(quote(value));
    }

    private static String snake(String camel) {
        StringBuilder s = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
