package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.platform.InputProblem;
import dev.banyan.standards.CitizenIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CEL rule engine alone: types, built-in variables, reasons in order, ages around a birthday, bad rules. */
class VerificationRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static VerificationRule compile(String rule, Map<String, String> reasons, Map<String, FactType> facts) {
        List<InputProblem> problems = new ArrayList<>();
        VerificationRule r = VerificationRule.compile(rule, reasons, facts, problems).orElse(null);
        assertThat(problems).isEmpty();
        return r;
    }

    private static Map<String, String> reasons(String... codeAndCondition) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndCondition.length; i += 2) {
            m.put(codeAndCondition[i], codeAndCondition[i + 1]);
        }
        return m;
    }

    private static Map<String, FactType> facts(Object... nameAndType) {
        Map<String, FactType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            m.put((String) nameAndType[i], (FactType) nameAndType[i + 1]);
        }
        return m;
    }

    private static String bornOn(LocalDate birth) {
        return CitizenIdNumber.of("350102", birth, 123).value();
    }

    @Test
    void theElderlySubsidyRuleTurnsYesOnTheEightiethBirthday() throws Exception {
        VerificationRule rule = compile("age >= 80 && registered && !deceased",
                reasons("UNDER_80", "age < 80", "DECEASED", "deceased", "NOT_REGISTERED", "!registered"),
                facts("registered", FactType.BOOL, "deceased", FactType.BOOL));
        Map<String, Object> living = Map.of("registered", true, "deceased", false);
        assertThat(rule.evaluate(bornOn(TODAY.minusYears(80)), living, TODAY)).isEqualTo(VerificationResult.YES);
        assertThat(rule.evaluate(bornOn(TODAY.minusYears(80).plusDays(1)), living, TODAY))
                .isEqualTo(VerificationResult.no("UNDER_80"));
        assertThat(rule.evaluate(bornOn(TODAY.minusYears(80).minusDays(1)), living, TODAY)).isEqualTo(VerificationResult.YES);
        // born on 29 February: 80 on 1 March of a common year (whole years, as Period counts them)
        String leap = bornOn(LocalDate.of(1944, 2, 29));
        assertThat(rule.evaluate(leap, living, LocalDate.of(2024, 2, 28)).reason()).isEqualTo("UNDER_80");
        assertThat(rule.evaluate(leap, living, LocalDate.of(2024, 2, 29)).yes()).isTrue();
        // reasons are tried in order: the first that holds is the answer's reason
        String old = bornOn(LocalDate.of(1930, 5, 1));
        assertThat(rule.evaluate(old, Map.of("registered", false, "deceased", true), TODAY))
                .isEqualTo(VerificationResult.no("DECEASED"));
        assertThat(rule.evaluate(old, Map.of("registered", false), TODAY)).isEqualTo(VerificationResult.no("NOT_REGISTERED"));
        // a fact left out is its zero value
        assertThat(rule.evaluate(old, Map.of(), TODAY)).isEqualTo(VerificationResult.no("NOT_REGISTERED"));
    }

    @Test
    void noReasonHoldingGivesRuleNotMet() throws Exception {
        VerificationRule rule = compile("members > 0 && income / double(members) < 36000",
                reasons("NO_MEMBERS", "members == 0"), facts("income", FactType.DOUBLE, "members", FactType.INT));
        String id = bornOn(LocalDate.of(1980, 1, 1));
        assertThat(rule.evaluate(id, Map.of("income", 50_000.0, "members", 2L), TODAY).yes()).isTrue();
        assertThat(rule.evaluate(id, Map.of("income", new java.math.BigDecimal("90000.50"), "members", 2), TODAY))
                .isEqualTo(VerificationResult.no(VerificationRule.NOT_MET));
        assertThat(rule.evaluate(id, Map.of(), TODAY)).isEqualTo(VerificationResult.no("NO_MEMBERS"));
    }

    @Test
    void builtInsDescribeTheSubject() throws Exception {
        String woman = CitizenIdNumber.of("350102", LocalDate.of(1990, 7, 15), 124).value();
        VerificationRule rule = compile("sex == 'F' && birth_date == '1990-07-15' && today == '2026-12-02' "
                + "&& subject.startsWith('350102') && years_between(birth_date, today) == 36 && years_between('', today) == 0",
                Map.of(), Map.of());
        assertThat(rule.evaluate(woman, Map.of(), TODAY).yes()).isTrue();
        assertThat(rule.evaluate(CitizenIdNumber.of("350102", LocalDate.of(1990, 7, 15), 123).value(), Map.of(), TODAY).yes())
                .isFalse();
    }

    @Test
    void datesAreIsoTextThatComparesInTimeOrder() throws Exception {
        VerificationRule rule = compile("since != '' && since <= '2020-01-01'", Map.of(), facts("since", FactType.STRING));
        String id = bornOn(LocalDate.of(1980, 1, 1));
        assertThat(rule.evaluate(id, Map.of("since", "2019-12-31"), TODAY).yes()).isTrue();
        assertThat(rule.evaluate(id, Map.of("since", "2020-01-02"), TODAY).yes()).isFalse();
        assertThat(rule.evaluate(id, Map.of(), TODAY).yes()).isFalse();
    }

    @Test
    void badRulesAreRefusedWithEveryProblemNamed() {
        List<InputProblem> problems = new ArrayList<>();
        assertThat(VerificationRule.compile("age + unknown_fact > 3", reasons("TOO_YOUNG", "age", "bad-code", "true",
                "BROKEN", "age >"), facts("count", FactType.INT), problems)).isEmpty();
        assertThat(problems).extracting(InputProblem::field).containsExactly("verification.rule",
                "verification.reasons.TOO_YOUNG", "verification.reasons.bad-code", "verification.reasons.BROKEN");
        assertThat(problems).extracting(InputProblem::messageCode).containsExactly("share.verification.error.cel",
                "share.verification.error.notBool", "share.verification.error.reason.code", "share.verification.error.cel");
        assertThat((String) problems.get(0).arguments()[0]).contains("unknown_fact");
        assertThat(problems.get(1).arguments()).containsExactly("int");

        problems.clear();
        assertThat(VerificationRule.compile(" ", Map.of(), Map.of(), problems)).isEmpty();
        assertThat(problems).extracting(InputProblem::field).containsExactly("verification.rule");
        assertThat(VerificationRule.validFactName("age")).isFalse();
        assertThat(VerificationRule.validFactName("in")).isFalse();
        assertThat(VerificationRule.validFactName("household_income")).isTrue();
        assertThat(VerificationRule.validFactName("收入")).isFalse();
    }

    @Test
    void aRuntimeErrorIsAnErrorNotANo() {
        VerificationRule rule = compile("10 / members > 1", Map.of(), facts("members", FactType.INT));
        assertThatThrownBy(() -> rule.evaluate(bornOn(LocalDate.of(1980, 1, 1)), Map.of("members", 0L), TODAY))
                .isInstanceOf(dev.cel.runtime.CelEvaluationException.class);
    }

    @Test
    void evaluationIsFast() throws Exception {
        VerificationRule rule = compile("age >= 80 && registered && !deceased && income < 36000.0",
                reasons("UNDER_80", "age < 80"), facts("registered", FactType.BOOL, "deceased", FactType.BOOL,
                        "income", FactType.DOUBLE));
        String id = bornOn(LocalDate.of(1950, 1, 1));
        Object[] facts = {true, false, 1000.0};
        for (int i = 0; i < 50_000; i++) {
            rule.evaluate(id, facts, TODAY);
        }
        long t = System.nanoTime();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            rule.evaluate(id, facts, TODAY);
        }
        double micros = (System.nanoTime() - t) / 1e3 / n;
        System.out.printf("verification rule: %.2f µs per subject%n", micros);
        assertThat(micros).isLessThan(50);
    }
}
