package dev.banyan.linkage;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market-entity records of a generated synthetic city (合成城市法人记录): registrations, tax payments, provident-fund
 * employer accounts, real-estate right holders that are organisations and transport operators, with the ground truth
 * (record id → company id). An organisation code (组织机构代码) is the body and check character of a credit code
 * (positions 9–17), so records that carry only the old code — or an old 15-character taxpayer number, which is a
 * division code followed by the organisation code — are given it as a field, and records with a credit code get the
 * code derived from it.
 */
final class SynthCityCompanies {

    static LinkSchema schema() {
        return new LinkSchema(List.of(
                new FieldSpec("name", ComparatorKind.STRING, false, true),
                new FieldSpec("uscc", ComparatorKind.CREDIT_CODE, true, false),
                FieldSpec.of("orgcode", ComparatorKind.EXACT),
                FieldSpec.of("address", ComparatorKind.ADDRESS),
                FieldSpec.of("phone", ComparatorKind.PHONE),
                FieldSpec.of("representative", ComparatorKind.NAME)),
                List.of(BlockingRule.parse("uscc"),
                        BlockingRule.parse("orgcode"),
                        BlockingRule.parse("name"),
                        BlockingRule.parse("uscc:tail9"),
                        BlockingRule.parse("name:prefix3 & phone:last8"),
                        BlockingRule.parse("address:numbers & phone:last4")),
                Thresholds.standard(), LinkMode.DEDUPLICATE, 400);
    }

    private record Dataset(String path, char separator, String name, String uscc, String orgcode, String address,
                           String phone, String representative, String skipColumn, String skipValue) {
    }

    private static final List<Dataset> DATASETS = List.of(
            new Dataset("market-regulation/enterprises.csv", ',', "企业名称", "统一社会信用代码", "", "住所", "联系电话", "法定代表人", null, null),
            new Dataset("tax/enterprise_tax_payments.csv", ',', "纳税人名称", "纳税人识别号", "", "", "", "", null, null),
            new Dataset("provident-fund/employer_accounts.tsv", '\t', "单位名称", "统一社会信用代码", "组织机构代码", "单位地址", "联系电话", "", null, null),
            new Dataset("real-estate/right_holders.csv", ',', "权利人名称", "证件号码", "", "", "联系电话", "", "权利人类型", "个人"),
            new Dataset("transport/operators.csv", ',', "name", "uscc", "", "address", "phone", "legal_representative", null, null));

    private final List<LinkRecord> records;
    private final Map<String, String> truth;

    private SynthCityCompanies(List<LinkRecord> records, Map<String, String> truth) {
        this.records = records;
        this.truth = truth;
    }

    static SynthCityCompanies read(Path dir) {
        try {
            List<LinkRecord> records = new ArrayList<>();
            for (Dataset d : DATASETS) {
                Path file = dir.resolve(d.path());
                String source = d.path().substring(0, d.path().lastIndexOf('.'));
                try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(d.separator())
                        .detectBomHeader(true).ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
                    for (NamedCsvRecord r : csv) {
                        if (d.skipColumn() != null && d.skipValue().equals(r.getField(d.skipColumn()))) {
                            continue;
                        }
                        String uscc = field(r, d.uscc()).strip();
                        String orgcode = field(r, d.orgcode()).replace("-", "").strip();
                        if (uscc.length() == 15) {
                            // an old taxpayer number (税务登记号): division code and organisation code, no credit code
                            orgcode = uscc.substring(6);
                            uscc = "";
                        }
                        if (orgcode.isEmpty() && uscc.length() == 18) {
                            orgcode = uscc.substring(8, 17);
                        }
                        records.add(new LinkRecord(r.getField("record_id"), source, List.of(field(r, d.name()), uscc,
                                orgcode, field(r, d.address()), field(r, d.phone()), field(r, d.representative()))));
                    }
                }
            }
            Map<String, String> truth = new HashMap<>();
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                    .ofNamedCsvRecord(dir.resolve("ground_truth/companies.csv"), StandardCharsets.UTF_8)) {
                for (NamedCsvRecord r : csv) {
                    truth.put(r.getField("record_id"), r.getField("company_id"));
                }
            }
            // right-holder records of persons share ids with person truth; keep only records the company truth knows
            records.removeIf(r -> !truth.containsKey(r.id()));
            return new SynthCityCompanies(records, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(NamedCsvRecord r, String column) {
        return column.isEmpty() ? "" : r.findField(column).orElse("");
    }

    List<LinkRecord> records() {
        return records;
    }

    Map<String, String> truth() {
        return truth;
    }

    static boolean present(Path dir) {
        return Files.exists(dir.resolve("ground_truth/companies.csv"));
    }
}
