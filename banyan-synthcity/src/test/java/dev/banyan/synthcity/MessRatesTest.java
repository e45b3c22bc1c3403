package dev.banyan.synthcity;

import dev.banyan.standards.CitizenIdNumber;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The departments' identity numbers are wrong, missing and in the legacy 15-digit form at the rates the manifest
 * declares for the profile, measured against the ground truth.
 */
class MessRatesTest {

    /** Observed rates must be within these factors of the declared rate (binomial noise at a few thousand rows). */
    private static final double LOW = 0.5;
    private static final double HIGH = 1.6;

    static Stream<Arguments> messyIdentityColumns() {
        return Stream.of(Profile.NORMAL, Profile.HARD).flatMap(profile -> Stream.of(
                arguments(profile, "medical-insurance", "insured_persons", "certno"),
                arguments(profile, "human-resources", "pension_contributions", "身份证号码"),
                arguments(profile, "civil-affairs", "marriage_registrations", "证件号码")));
    }

    /** Counts of what happened to the identity numbers of one dataset. */
    private record Tally(int rows, int missing, int older, int fifteen, int eighteenChecked, int invalid) {
    }

    private static Tally tally(GeneratedCity city, String department, String dataset, String column) {
        Map<String, String> truth = city.groundTruth("persons.csv");
        Map<String, Map<String, String>> master = city.personsMaster();
        int rows = 0;
        int missing = 0;
        int older = 0;
        int fifteen = 0;
        int checked = 0;
        int invalid = 0;
        for (Map<String, String> r : city.rows(department, dataset)) {
            rows++;
            String raw = r.get(column);
            String person = truth.get(department + "/" + dataset + "/" + r.get("record_id"));
            int birthYear = Integer.parseInt(master.get(person).get("birth_date").substring(0, 4));
            if (raw.isEmpty()) {
                missing++;
                continue;
            }
            String normal = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
            if (birthYear < 1985) {
                older++;
                if (normal.length() == 15) {
                    fifteen++;
                    continue;
                }
            }
            checked++;
            if (!CitizenIdNumber.isValid(raw)) {
                invalid++;
            } else {
                // a number that passes the check must be the person's own
                assertThat(CitizenIdNumber.parse(raw).value().value()).isEqualTo(master.get(person).get("id_number"));
            }
        }
        return new Tally(rows, missing, older, fifteen, checked, invalid);
    }

    @ParameterizedTest(name = "{0} {1}/{2}")
    @MethodSource("messyIdentityColumns")
    void identityNumbersAreMissingLegacyAndInvalidAtTheDeclaredRates(Profile profile, String department,
                                                                      String dataset, String column) {
        GeneratedCity city = GeneratedCities.of(profile);
        JsonNode rates = city.messRates(department);
        Tally t = tally(city, department, dataset, column);
        assertThat(t.rows()).isGreaterThan(1_000);

        double missing = rates.get("missing_id").asDouble();
        double fifteen = rates.get("fifteen_digit_id").asDouble();
        double invalid = rates.get("transposed_id").asDouble()
                + (1 - rates.get("transposed_id").asDouble()) * rates.get("mistyped_id").asDouble();

        assertThat((double) t.missing() / t.rows()).as("missing").isBetween(missing * LOW, missing * HIGH);
        assertThat((double) t.fifteen() / t.older())
                .as("15-digit among people born before 1985").isBetween(fifteen * LOW, fifteen * HIGH);
        assertThat((double) t.invalid() / t.eighteenChecked()).as("failing the check character")
                .isBetween(invalid * LOW, invalid * HIGH);
    }

    @Test
    void theHouseholdRegisterHasNoMess() {
        JsonNode rates = GeneratedCities.of(Profile.HARD).messRates("public-security");
        for (JsonNode rate : rates.values()) {
            assertThat(rate.asDouble()).isZero();
        }
    }

    @Test
    void hardIsMuchMessierThanNormal() {
        double normal = messShare(GeneratedCities.of(Profile.NORMAL));
        double hard = messShare(GeneratedCities.of(Profile.HARD));
        assertThat(normal).isGreaterThan(0.01);
        assertThat(hard).isGreaterThan(2.5 * normal);
    }

    /** Share of person records whose name differs from the true name or whose identity number is not usable. */
    private static double messShare(GeneratedCity city) {
        Map<String, String> truth = city.groundTruth("persons.csv");
        Map<String, Map<String, String>> master = city.personsMaster();
        List<String[]> columns = List.of(
                new String[]{"medical-insurance", "insured_persons", "psn_name", "certno"},
                new String[]{"human-resources", "employment_registrations", "姓名", "公民身份号码"},
                new String[]{"civil-affairs", "elderly_subsidy", "姓名", "身份证号码"},
                new String[]{"tax", "individual_income_tax", "纳税人姓名", "证件号码"},
                new String[]{"health", "death_certificates", "姓名", "身份证号"});
        int rows = 0;
        int messy = 0;
        for (String[] c : columns) {
            for (Map<String, String> r : city.rows(c[0], c[1])) {
                Map<String, String> person = master.get(truth.get(c[0] + "/" + c[1] + "/" + r.get("record_id")));
                rows++;
                String id = r.get(c[3]);
                boolean usable = CitizenIdNumber.isValid(id)
                        && CitizenIdNumber.parse(id).value().value().equals(person.get("id_number"));
                if (!r.get(c[2]).equals(person.get("name")) || !usable) {
                    messy++;
                }
            }
        }
        return (double) messy / rows;
    }
}
