package dev.banyan.server.fuse;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.banyan.linkage.LinkRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The person records of a generated synthetic city (合成城市人员记录) read straight from the departments' files in
 * their own layouts into the six linkage fields, with the ground truth — for the linkage benchmark, which measures the
 * linkage itself without landing the city first.
 */
final class CityPersonRecords {

    private record Dataset(String path, Charset charset, char separator, String name, String id, String birth,
                           String sex, String phone, String address, String onlyIfColumn, String onlyIfValue) {
    }

    private static final Charset GBK = Charset.forName("GBK");

    private static final List<Dataset> DATASETS = List.of(
            new Dataset("public-security/household_registration.csv", StandardCharsets.UTF_8, ',', "姓名", "公民身份号码", "出生日期", "性别", "联系电话", "户籍地址", null, null),
            new Dataset("market-regulation/legal_representatives.csv", StandardCharsets.UTF_8, ',', "姓名", "证件号码", "", "", "联系电话", "", null, null),
            new Dataset("civil-affairs/minimum_living_allowance.csv", GBK, ',', "姓名", "身份证号码", "出生年月", "性别", "联系电话", "家庭住址", null, null),
            new Dataset("civil-affairs/marriage_registrations.csv", GBK, ',', "当事人姓名", "证件号码", "出生日期", "性别", "", "", null, null),
            new Dataset("civil-affairs/elderly_subsidy.csv", GBK, ',', "姓名", "身份证号码", "出生日期", "性别", "联系电话", "户籍地址", null, null),
            new Dataset("human-resources/employment_registrations.csv", StandardCharsets.UTF_8, ',', "姓名", "公民身份号码", "出生日期", "性别", "联系电话", "居住地址", null, null),
            new Dataset("human-resources/pension_contributions.csv", StandardCharsets.UTF_8, ',', "姓名", "身份证号码", "", "", "", "", null, null),
            new Dataset("human-resources/pensioners.csv", StandardCharsets.UTF_8, ',', "姓名", "身份证号码", "出生日期", "性别", "联系电话", "居住地址", null, null),
            new Dataset("real-estate/right_holders.csv", StandardCharsets.UTF_8, ',', "权利人名称", "证件号码", "", "", "联系电话", "", "权利人类型", "个人"),
            new Dataset("housing/public_rental_applications.csv", StandardCharsets.UTF_8, ',', "申请人姓名", "身份证号", "出生日期", "性别", "联系电话", "现居住地址", null, null),
            new Dataset("provident-fund/personal_accounts.tsv", StandardCharsets.UTF_8, '\t', "姓名", "证件号码", "", "", "手机号码", "", null, null),
            new Dataset("tax/individual_income_tax.csv", StandardCharsets.UTF_8, ',', "纳税人姓名", "证件号码", "", "", "", "", null, null),
            new Dataset("health/birth_certificates.csv", StandardCharsets.UTF_8, ',', "新生儿姓名", "", "出生日期", "性别", "", "家庭住址", null, null),
            new Dataset("health/death_certificates.csv", StandardCharsets.UTF_8, ',', "姓名", "身份证号", "出生日期", "性别", "", "户籍地址", null, null),
            new Dataset("transport/drivers.csv", StandardCharsets.UTF_8, ',', "name", "id_number", "birth_date", "sex", "phone", "", null, null));

    private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\":(?:\"((?:[^\"\\\\]|\\\\.)*)\"|null|[-0-9.]+)");

    final List<LinkRecord> records = new ArrayList<>();
    final Map<String, String> truth = new HashMap<>();

    static CityPersonRecords read(Path dir) {
        CityPersonRecords city = new CityPersonRecords();
        try {
            for (Dataset d : DATASETS) {
                city.readDelimited(dir, d);
            }
            city.readPupils(dir.resolve("education/pupils.xlsx"));
            city.readInsured(dir.resolve("medical-insurance/insured_persons.ndjson"));
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                    .ofNamedCsvRecord(dir.resolve("ground_truth/persons.csv"), StandardCharsets.UTF_8)) {
                for (NamedCsvRecord r : csv) {
                    city.truth.put(r.getField("record_id"), r.getField("person_id"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return city;
    }

    private void readDelimited(Path dir, Dataset d) throws IOException {
        Path file = dir.resolve(d.path());
        if (!Files.exists(file)) {
            return;
        }
        String source = d.path().substring(0, d.path().lastIndexOf('.'));
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(d.separator()).detectBomHeader(true)
                .ofNamedCsvRecord(file, d.charset())) {
            for (NamedCsvRecord r : csv) {
                if (d.onlyIfColumn() != null && !d.onlyIfValue().equals(r.getField(d.onlyIfColumn()))) {
                    continue;
                }
                records.add(new LinkRecord(r.getField("record_id"), source, List.of(field(r, d.name()), field(r, d.id()),
                        field(r, d.birth()), field(r, d.sex()), field(r, d.phone()), field(r, d.address()))));
            }
        }
    }

    private static String field(NamedCsvRecord r, String column) {
        return column.isEmpty() ? "" : r.findField(column).orElse("");
    }

    private void readPupils(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> columns = new LinkedHashMap<>();
            Row header = sheet.getRow(0);
            for (int c = 0; c < header.getLastCellNum(); c++) {
                columns.put(formatter.formatCellValue(header.getCell(c)), c);
            }
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                java.util.function.Function<String, String> cell = name -> {
                    Integer c = columns.get(name);
                    return c == null ? "" : formatter.formatCellValue(row.getCell(c));
                };
                records.add(new LinkRecord(cell.apply("record_id"), "education/pupils", List.of(cell.apply("姓名"),
                        cell.apply("身份证件号"), cell.apply("出生日期"), cell.apply("性别"), "", cell.apply("家庭住址"))));
            }
        }
    }

    private void readInsured(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, String> f = new HashMap<>();
                Matcher m = JSON_FIELD.matcher(line);
                while (m.find()) {
                    f.put(m.group(1), m.group(2) == null ? "" : m.group(2).replace("\\\"", "\""));
                }
                records.add(new LinkRecord(f.get("record_id"), "medical-insurance/insured_persons", List.of(
                        f.getOrDefault("psn_name", ""), f.getOrDefault("certno", ""), f.getOrDefault("brdy", ""),
                        f.getOrDefault("gend", ""), f.getOrDefault("tel", ""), f.getOrDefault("addr", ""))));
            }
        }
    }
}
