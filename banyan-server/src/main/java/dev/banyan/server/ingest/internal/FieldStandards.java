package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.internal.FieldStandard.Fact;
import dev.banyan.standards.AddressParser;
import dev.banyan.standards.AdministrativeDivisions;
import dev.banyan.standards.AmountUnit;
import dev.banyan.standards.AmountValue;
import dev.banyan.standards.ChineseAddress;
import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.standards.CodeTable;
import dev.banyan.standards.DateValue;
import dev.banyan.standards.FullWidth;
import dev.banyan.standards.NationalCodeTables;
import dev.banyan.standards.ParseResult;
import dev.banyan.standards.PersonName;
import dev.banyan.standards.PhoneNumber;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Chooses the {@link FieldStandard} of a catalog field (数据元 → 标准化规则): by its data element first (identity
 * numbers by GB 11643, credit codes by GB 32100, names, dates, amounts, addresses, code tables …), else by its type.
 * Plain Java: one instance serves every resource of a city.
 *
 * <p>Identifiers reject their row when invalid — a wrong identity number would file the record under the wrong
 * person. Other invalid values leave their column empty and flag the row, so that one bad telephone number does not
 * hide a whole record from the departments that need it.
 */
final class FieldStandards {

    private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{4,5}[A-Z0-9挂学警港澳领试超]");
    private static final Pattern PLATE_NOISE = Pattern.compile("[\\s·.\\-]");
    private static final Pattern UNIT_NUMBER = Pattern.compile("\\d{12}[A-Z]{2}\\d{5}[A-Z]\\d{8}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{6}");
    private static final Pattern DIVISION = Pattern.compile("\\d{6}");
    private static final Pattern TAXPAYER = Pattern.compile("[0-9A-Z]{15,20}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    private static final List<Fact> IDENTITY_FACTS = List.of(new Fact("birth_date", "date"), new Fact("sex", "text"),
            new Fact("division", "text"));
    private static final List<Fact> ADDRESS_FACTS = List.of(new Fact("division", "text"), new Fact("street", "text"),
            new Fact("community", "text"), new Fact("road", "text"), new Fact("number", "text"), new Fact("grid", "text"));
    private static final List<Fact> CERTIFICATE_FACTS = List.of(new Fact("kind", "text"), new Fact("birth_date", "date"),
            new Fact("sex", "text"), new Fact("division", "text"));
    private static final List<Fact> NAME_FACTS = List.of(new Fact("original", "text"), new Fact("suspicious", "text"));

    private final AdministrativeDivisions divisions;
    private final AddressParser addresses;
    private final String defaultAreaCode;
    private final DateValue dates = DateValue.standard();

    /**
     * @param addresses       the parser for the city's addresses (with its gazetteer and grid)
     * @param defaultAreaCode the city's telephone area code with its trunk 0 (e.g. {@code 0591}) for local numbers, or null
     */
    FieldStandards(AdministrativeDivisions divisions, AddressParser addresses, String defaultAreaCode) {
        this.divisions = divisions;
        this.addresses = addresses;
        this.defaultAreaCode = defaultAreaCode;
    }

    /** The standard of Fuzhou (福州), the synthetic city's home. */
    static FieldStandards fuzhou() {
        return new FieldStandards(AdministrativeDivisions.load(), AddressParser.fuzhou(), "0591");
    }

    FieldStandard of(ResourceField field) {
        String element = field.dataElement() == null ? "" : field.dataElement();
        return switch (element) {
            case "DE0001", "DE0021" -> anyHolder(field.name()) ? new CertificateStandard()
                    : rule("GB 11643", "text", true, raw -> CitizenIdNumber.parse(raw, divisions),
                    CitizenIdNumber::value, FieldStandards::identityFacts, IDENTITY_FACTS);
            case "DE0002", "DE0012" -> new NameStandard();
            case "DE0003" -> codes(NationalCodeTables.sex(), "GB/T 2261.1");
            case "DE0005" -> codes(NationalCodeTables.ethnicity(), "GB 3304");
            case "DE0008" -> codes(NationalCodeTables.maritalStatus(), "GB/T 2261.2");
            case "DE0004", "DE0009", "DE0014", "DE0028" -> date();
            case "DE0006" -> rule("GB/T 33536", "text", false, raw -> PhoneNumber.parse(raw, defaultAreaCode),
                    PhoneNumber::national, p -> Map.of());
            case "DE0007", "DE0018" -> remembered(rule("address", "text", false, addresses::parse,
                    ChineseAddress::standardText, FieldStandards::addressFacts, ADDRESS_FACTS));
            case "DE0010" -> rule("GB 32100 / GB 11714", "text", true, FieldStandards::organisationCode, c -> c,
                    c -> Map.of());
            case "DE0025" -> pattern("GB 32100 / 税务登记号", TAXPAYER, "taxpayer.format",
                    "not a taxpayer identification number (15–20 digits and capital letters)", false);
            case "DE0013", "DE0019", "DE0022" -> amount(field.name());
            case "DE0016" -> division();
            case "DE0017" -> pattern("GB/T 37346", UNIT_NUMBER, "unit-number.format",
                    "not a real-estate unit number (28 characters: 12 digits, 2 letters, 5 digits, a letter, 8 digits)", false);
            case "DE0020" -> plate();
            case "DE0027" -> pattern("postcode", POSTCODE, "postcode.format", "not a postal code (6 digits)", false);
            default -> byType(field);
        };
    }

    private FieldStandard byType(ResourceField field) {
        String type = field.type() == null ? "string" : field.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "date" -> date();
            case "decimal", "number", "numeric" -> amount(field.name());
            case "integer", "int", "long" -> integer();
            case "boolean" -> bool();
            default -> text();
        };
    }

    private static <T> FieldStandard rule(String name, String sqlType, boolean rejects,
                                          Function<String, ParseResult<T>> parse, Function<T, String> text,
                                          Function<T, Map<String, String>> facts) {
        return rule(name, sqlType, rejects, parse, text, facts, List.of());
    }

    private static <T> FieldStandard rule(String name, String sqlType, boolean rejects,
                                          Function<String, ParseResult<T>> parse, Function<T, String> text,
                                          Function<T, Map<String, String>> facts, List<Fact> factColumns) {
        return new FieldStandard() {
            @Override
            public StandardCell standardise(String raw) {
                if (raw == null || raw.isBlank()) {
                    return StandardCell.BLANK;
                }
                ParseResult<T> r = parse.apply(raw);
                if (!r.isValid()) {
                    return StandardCell.invalid(r.problemCode(), r.problem(), rejects);
                }
                String standard = text.apply(r.value());
                return StandardCell.valid(standard, r.value(), !standard.equals(raw.strip()), facts.apply(r.value()));
            }

            @Override
            public String sqlType() {
                return sqlType;
            }

            @Override
            public String ruleName() {
                return name;
            }

            @Override
            public List<Fact> facts() {
                return factColumns;
            }
        };
    }

    /** The same rule, marked {@link FieldStandard#worthRemembering() worth remembering}. */
    private static FieldStandard remembered(FieldStandard rule) {
        return new FieldStandard() {
            @Override
            public StandardCell standardise(String raw) {
                return rule.standardise(raw);
            }

            @Override
            public String sqlType() {
                return rule.sqlType();
            }

            @Override
            public String ruleName() {
                return rule.ruleName();
            }

            @Override
            public List<Fact> facts() {
                return rule.facts();
            }

            @Override
            public boolean worthRemembering() {
                return true;
            }
        };
    }

    /**
     * Whether a certificate-number field may hold an organisation's code as well as a person's identity number: a
     * generic 证件号码 (of a property owner, a taxpayer …), unlike 公民身份号码 or 身份证号.
     */
    static boolean anyHolder(String fieldName) {
        String n = fieldName.toLowerCase(Locale.ROOT);
        return (n.contains("证件号") && !n.contains("身份")) || n.equals("certno") || n.equals("cert_no");
    }

    /**
     * A unified social credit code (GB 32100), or — for organisations registered before 2015 that never got one — an
     * organisation code (GB 11714), kept as written with its hyphen.
     */
    static ParseResult<String> organisationCode(String raw) {
        ParseResult<UnifiedSocialCreditCode> uscc = UnifiedSocialCreditCode.parse(raw);
        if (uscc.isValid()) {
            return ParseResult.valid(uscc.value().value());
        }
        ParseResult<String> org = dev.banyan.standards.OrganizationCode.parse(raw);
        return org.isValid() ? org : ParseResult.invalid(uscc.problemCode(), uscc.problem());
    }

    /** A certificate number that is a person's identity number or an organisation's code (kind in the facts). */
    private final class CertificateStandard implements FieldStandard {

        @Override
        public StandardCell standardise(String raw) {
            if (raw == null || raw.isBlank()) {
                return StandardCell.BLANK;
            }
            ParseResult<CitizenIdNumber> id = CitizenIdNumber.parse(raw, divisions);
            if (id.isValid()) {
                Map<String, String> facts = new java.util.HashMap<>(identityFacts(id.value()));
                facts.put("kind", "identity");
                String v = id.value().value();
                return StandardCell.valid(v, id.value(), !v.equals(raw.strip()), facts);
            }
            ParseResult<String> org = organisationCode(raw);
            if (org.isValid()) {
                return StandardCell.valid(org.value(), org.value(), !org.value().equals(raw.strip()),
                        Map.of("kind", "organisation"));
            }
            return StandardCell.invalid(id.problemCode(), id.problem(), true);
        }

        @Override
        public String sqlType() {
            return "text";
        }

        @Override
        public String ruleName() {
            return "GB 11643 / GB 32100";
        }

        @Override
        public List<Fact> facts() {
            return CERTIFICATE_FACTS;
        }
    }

    private static Map<String, String> identityFacts(CitizenIdNumber id) {
        return Map.of("birth_date", id.birthDate().toString(), "sex", id.sex().code(), "division", id.divisionCode());
    }

    private static Map<String, String> addressFacts(ChineseAddress a) {
        Map<String, String> facts = new java.util.HashMap<>(8);
        facts.put("division", a.currentDivisionCode().orElse(a.divisionCode()));
        a.township().ifPresent(v -> facts.put("street", v));
        a.community().ifPresent(v -> facts.put("community", v));
        a.road().ifPresent(v -> facts.put("road", v));
        a.number().ifPresent(v -> facts.put("number", v));
        a.gridCell().ifPresent(v -> facts.put("grid", v));
        return facts;
    }

    private FieldStandard codes(CodeTable table, String name) {
        return rule(name, "text", false, table::parse, code -> code, code -> Map.of());
    }

    private FieldStandard date() {
        return rule("GB/T 7408", "date", false, dates::parse, LocalDate::toString, d -> Map.of());
    }

    private static FieldStandard amount(String fieldName) {
        // A column headed 注册资本（万元） holds amounts in 万元; its values are kept in that unit.
        AmountValue amounts = fieldName.contains("万元") ? AmountValue.in(AmountUnit.TEN_THOUSAND_YUAN)
                : fieldName.contains("亿元") ? AmountValue.in(AmountUnit.HUNDRED_MILLION_YUAN) : AmountValue.yuan();
        return rule("amount", "numeric", false, amounts::parse, BigDecimal::toPlainString, a -> Map.of());
    }

    private FieldStandard division() {
        return rule("GB/T 2260", "text", false, raw -> {
            String s = FullWidth.toHalfWidth(raw.strip());
            if (!DIVISION.matcher(s).matches()) {
                return ParseResult.invalid("division.format", "not a division code (6 digits): " + raw.strip());
            }
            return divisions.everExisted(s) ? ParseResult.valid(s)
                    : ParseResult.invalid("division.unknown", "division code " + s + " appears in no GB/T 2260 revision");
        }, s -> s, s -> Map.of());
    }

    private static FieldStandard pattern(String name, Pattern pattern, String code, String problem, boolean rejects) {
        return rule(name, "text", rejects, raw -> {
            String s = FullWidth.toHalfWidth(raw.strip()).toUpperCase(Locale.ROOT);
            return pattern.matcher(s).matches() ? ParseResult.valid(s) : ParseResult.invalid(code, problem + ": " + raw.strip());
        }, s -> s, s -> Map.of());
    }

    private static FieldStandard plate() {
        return rule("GA 36", "text", false, raw -> {
            String s = PLATE_NOISE.matcher(FullWidth.toHalfWidth(raw.strip()).toUpperCase(Locale.ROOT)).replaceAll("");
            return PLATE.matcher(s).matches() ? ParseResult.valid(s)
                    : ParseResult.invalid("plate.format", "not a licence plate number (e.g. 闽A12345): " + raw.strip());
        }, s -> s, s -> Map.of());
    }

    private static FieldStandard integer() {
        return rule("integer", "bigint", false, raw -> {
            String s = FullWidth.toHalfWidth(raw.strip()).replace(",", "");
            return INTEGER.matcher(s).matches() ? ParseResult.valid(Long.parseLong(s))
                    : ParseResult.invalid("integer.format", "not a whole number: " + raw.strip());
        }, String::valueOf, n -> Map.of());
    }

    private static FieldStandard bool() {
        return rule("yes-no", "boolean", false, raw -> switch (FullWidth.toHalfWidth(raw.strip()).toLowerCase(Locale.ROOT)) {
            case "是", "true", "t", "y", "yes", "1", "有" -> ParseResult.valid(Boolean.TRUE);
            case "否", "false", "f", "n", "no", "0", "无" -> ParseResult.valid(Boolean.FALSE);
            default -> ParseResult.<Boolean>invalid("boolean.format", "not yes or no (是/否): " + raw.strip());
        }, String::valueOf, b -> Map.of());
    }

    private static FieldStandard text() {
        return new FieldStandard() {
            @Override
            public StandardCell standardise(String raw) {
                if (raw == null || raw.isBlank()) {
                    return StandardCell.BLANK;
                }
                String s = raw.strip();
                return StandardCell.valid(s, s, false);
            }

            @Override
            public String sqlType() {
                return "text";
            }

            @Override
            public String ruleName() {
                return "text";
            }
        };
    }

    /** Names: trimmed, full-width to half-width, traditional characters simplified with the original kept. */
    private static final class NameStandard implements FieldStandard {

        @Override
        public StandardCell standardise(String raw) {
            if (raw == null || raw.isBlank()) {
                return StandardCell.BLANK;
            }
            ParseResult<PersonName> r = PersonName.parse(raw);
            if (!r.isValid()) {
                return StandardCell.invalid(r.problemCode(), r.problem(), false);
            }
            PersonName name = r.value();
            Map<String, String> facts = new LinkedHashMap<>();
            if (!name.simplified().equals(name.normalised())) {
                facts.put("original", name.normalised());
            }
            if (name.isSuspicious()) {
                facts.put("suspicious", name.flags().stream().filter(PersonName.Flag::suspicious)
                        .map(PersonName.Flag::name).sorted().reduce((a, b) -> a + "," + b).orElse(""));
            }
            return StandardCell.valid(name.simplified(), name, !name.simplified().equals(raw.strip()), facts);
        }

        @Override
        public String sqlType() {
            return "text";
        }

        @Override
        public String ruleName() {
            return "name";
        }

        @Override
        public List<Fact> facts() {
            return NAME_FACTS;
        }
    }
}
