package dev.banyan.synthcity;

import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.standards.ParseResult;
import dev.banyan.standards.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierValidityTest {

    private final GeneratedCity city = GeneratedCities.of(Profile.HARD);

    @Test
    void everyIdentityNumberInTheHouseholdRegisterIsValidAndAgreesWithTheRecord() {
        List<Map<String, String>> rows = city.rows("public-security", "household_registration");
        assertThat(rows).hasSize(GeneratedCities.PERSONS);
        Set<String> seen = new HashSet<>();
        for (Map<String, String> r : rows) {
            String raw = r.get("公民身份号码");
            ParseResult<CitizenIdNumber> parsed = CitizenIdNumber.parse(raw);
            assertThat(parsed.isValid()).as(raw + ": " + parsed.problem()).isTrue();
            CitizenIdNumber id = parsed.value();
            assertThat(id.value()).isEqualTo(raw);
            assertThat(id.birthDate()).isEqualTo(LocalDate.parse(r.get("出生日期")));
            assertThat(id.sex().chinese()).isEqualTo(r.get("性别"));
            assertThat(id.birthDate()).isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2025, 6, 30));
            assertThat(seen.add(raw)).as("unique " + raw).isTrue();
        }
    }

    @Test
    void identityNumbersUseCountyCodesInForceWhenIssuedIncludingRetiredOnes() {
        Set<String> counties = new HashSet<>();
        for (Map<String, String> r : city.rows("public-security", "household_registration")) {
            counties.add(r.get("公民身份号码").substring(0, 6));
        }
        // Fuzhou's districts, and the retired codes of Changle and Fuqing that older people still carry
        assertThat(counties).contains("350102", "350103", "350104", "350111", "350121", "350126", "350127");
        long fuzhou = city.rows("public-security", "household_registration").stream()
                .filter(r -> r.get("公民身份号码").startsWith("3501") || r.get("公民身份号码").startsWith("3590")
                        || r.get("公民身份号码").startsWith("3523"))
                .count();
        assertThat(fuzhou).isBetween((long) (GeneratedCities.PERSONS * 0.6), (long) (GeneratedCities.PERSONS * 0.9));
        assertThat(counties).anyMatch(c -> !c.startsWith("35"));
    }

    @Test
    void everyCreditCodeInTheEnterpriseRegisterIsValidAndUnique() {
        List<Map<String, String>> rows = city.rows("market-regulation", "enterprises");
        assertThat(rows).hasSize(Math.round(GeneratedCities.PERSONS / 12f));
        Set<String> seen = new HashSet<>();
        for (Map<String, String> r : rows) {
            String code = r.get("统一社会信用代码");
            assertThat(UnifiedSocialCreditCode.isValid(code)).as(code).isTrue();
            assertThat(seen.add(code)).isTrue();
            String expectedPrefix = r.get("企业类型").equals("个体工商户") ? "92"
                    : r.get("企业类型").equals("农民专业合作社") ? "93" : "91";
            assertThat(code).startsWith(expectedPrefix + "3501");
            assertThat(r.get("企业名称")).isNotBlank();
        }
        assertThat(seen).anyMatch(c -> c.startsWith("91350100"));
        assertThat(seen).anyMatch(c -> c.substring(8).startsWith("MA"));
        assertThat(seen).anyMatch(c -> Character.isDigit(c.charAt(8)) && Character.isDigit(c.charAt(9)));
    }

    @Test
    void schoolsHavePublicInstitutionCreditCodes() {
        for (Map<String, String> r : city.rows("education", "schools")) {
            assertThat(r.get("统一社会信用代码")).startsWith("12");
            assertThat(UnifiedSocialCreditCode.isValid(r.get("统一社会信用代码"))).isTrue();
            assertThat(r.get("学校标识码")).hasSize(10);
        }
    }
}
