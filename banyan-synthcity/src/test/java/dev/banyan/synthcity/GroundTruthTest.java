package dev.banyan.synthcity;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthTest {

    private final GeneratedCity city = GeneratedCities.of(Profile.HARD);

    @Test
    void everyRecordOfEveryPersonOrCompanyDatasetIsInTheGroundTruthExactlyOnce() {
        Map<String, String> persons = city.groundTruth("persons.csv");
        Map<String, String> companies = city.groundTruth("companies.csv");
        Set<String> personIds = city.personsMaster().keySet();
        Set<String> companyIds = city.companiesMaster().keySet();
        Set<String> seen = new HashSet<>();
        int datasets = 0;
        for (JsonNode spec : city.datasets()) {
            String subject = spec.get("subject").asString();
            if (!Set.of("person", "company", "person|company").contains(subject)) {
                continue;
            }
            datasets++;
            String prefix = spec.get("file").asString().replaceAll("\\.[a-z]+$", "") + "/";
            List<Map<String, String>> rows = city.rows(spec);
            assertThat(rows).as(prefix).hasSize(spec.get("rows").asInt());
            for (Map<String, String> r : rows) {
                String key = prefix + r.get("record_id");
                assertThat(seen.add(key)).as("record_id unique: " + key).isTrue();
                String person = persons.get(key);
                String company = companies.get(key);
                assertThat(person == null ^ company == null).as("in exactly one ground truth: " + key).isTrue();
                switch (subject) {
                    case "person" -> assertThat(personIds).contains(person);
                    case "company" -> assertThat(companyIds).contains(company);
                    default -> assertThat(person != null ? personIds.contains(person)
                            : companyIds.contains(company)).isTrue();
                }
            }
        }
        assertThat(datasets).isGreaterThanOrEqualTo(20);
        // and nothing else is in the ground truth
        assertThat(persons.size() + companies.size()).isEqualTo(seen.size());
    }

    @Test
    void groundTruthAgreesWithTheAuthoritativeRegisters() {
        Map<String, String> persons = city.groundTruth("persons.csv");
        Map<String, Map<String, String>> master = city.personsMaster();
        for (Map<String, String> r : city.rows("public-security", "household_registration")) {
            Map<String, String> truth = master.get(persons.get("public-security/household_registration/" + r.get("record_id")));
            assertThat(r.get("公民身份号码")).isEqualTo(truth.get("id_number"));
            assertThat(r.get("姓名")).isEqualTo(truth.get("name"));
        }
        Map<String, String> companies = city.groundTruth("companies.csv");
        Map<String, Map<String, String>> firms = city.companiesMaster();
        for (Map<String, String> r : city.rows("market-regulation", "enterprises")) {
            Map<String, String> truth = firms.get(companies.get("market-regulation/enterprises/" + r.get("record_id")));
            assertThat(r.get("统一社会信用代码")).isEqualTo(truth.get("uscc"));
        }
    }

    @Test
    void departmentsHoldDuplicateRecordsOfTheSamePerson() {
        Map<String, String> persons = city.groundTruth("persons.csv");
        Map<String, Integer> perPerson = new HashMap<>();
        for (Map<String, String> r : city.rows("medical-insurance", "insured_persons")) {
            perPerson.merge(persons.get("medical-insurance/insured_persons/" + r.get("record_id")), 1, Integer::sum);
        }
        long duplicated = perPerson.values().stream().filter(n -> n > 1).count();
        assertThat(duplicated).isPositive();
    }
}
