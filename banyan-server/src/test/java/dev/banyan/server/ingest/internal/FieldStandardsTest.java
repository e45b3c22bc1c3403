package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.ResourceField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each data element's rule: standard form, typed value, derived facts, and which problems reject a row. */
class FieldStandardsTest {

    private static final FieldStandards RULES = FieldStandards.fuzhou();

    private static FieldStandard rule(String type, String element) {
        return RULES.of(new ResourceField("f", type, null, false, element, PersonalInformation.NONE, DataGrade.GENERAL, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DE0001|string|350102800101001|350102198001010011",
            "DE0001|string| 35010219751230018x |35010219751230018X",
            "DE0002|string| 張三 |张三",
            "DE0002|string|王　五|王五",
            "DE0003|string|男|1",
            "DE0003|string|F|2",
            "DE0005|string|汉|01",
            "DE0008|string|已婚|20",
            "DE0004|date|2024年1月2日|2024-01-02",
            "DE0004|date|20240102|2024-01-02",
            "DE0004|date|2024/1/2|2024-01-02",
            "DE0006|string|138 0013 8000|13800138000",
            "DE0006|string|87654321|0591-87654321",
            "DE0013|decimal|3万|30000.00",
            "|decimal|1,200.50|1200.50",
            "|integer|１２|12",
            "|boolean|是|true",
            "DE0016|string|350102|350102",
            "DE0020|string|闽a·12345|闽A12345",
            "DE0027|string|350001|350001",
    })
    void standardForms(String element, String type, String raw, String expected) {
        StandardCell cell = rule(type, element).standardise(raw);
        assertThat(cell.isValid()).as(cell.problem()).isTrue();
        assertThat(cell.text()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DE0001|string|350102197512300031|true",
            "DE0010|string|91350100MA00000000|true",
            "DE0004|date|2024-02-30|false",
            "DE0006|string|not a phone|false",
            "DE0003|string|unknown-sex|false",
            "DE0016|string|999999|false",
            "|integer|12a|false",
    })
    void invalidValuesAndWhetherTheyRejectTheRow(String element, String type, String raw, boolean rejects) {
        StandardCell cell = rule(type, element).standardise(raw);
        assertThat(cell.isValid()).isFalse();
        assertThat(cell.text()).isNull();
        assertThat(cell.problemCode()).isNotBlank();
        assertThat(cell.rejects()).isEqualTo(rejects);
    }

    @Test
    void aGenericCertificateNumberMayBeAPersonsOrAnOrganisations() {
        FieldStandard owner = RULES.of(new ResourceField("证件号码", "string", null, false, "DE0001",
                PersonalInformation.NONE, DataGrade.GENERAL, false));
        assertThat(owner.standardise("91350121MADFNLAX0T").derived()).containsEntry("kind", "organisation");
        assertThat(owner.standardise("350102198001010011").derived()).containsEntry("kind", "identity")
                .containsEntry("birth_date", "1980-01-01");
        assertThat(owner.standardise("350102198001010012").rejects()).isTrue();
        FieldStandard person = RULES.of(new ResourceField("公民身份号码", "string", null, false, "DE0001",
                PersonalInformation.NONE, DataGrade.GENERAL, false));
        assertThat(person.standardise("91350121MADFNLAX0T").isValid()).isFalse();
        // an employer registered before 2015 may still be known by its organisation code (GB 11714)
        assertThat(rule("string", "DE0010").standardise("85839330-0").text()).isEqualTo("85839330-0");
        assertThat(rule("string", "DE0010").standardise("85839330-1").rejects()).isTrue();
    }

    @Test
    void blankIsNeitherValidNorAProblem() {
        StandardCell cell = rule("string", "DE0001").standardise("  ");
        assertThat(cell.isBlank()).isTrue();
        assertThat(cell.isValid()).isTrue();
    }

    @Test
    void identityNumbersAndAddressesTellMoreThanThemselves() {
        StandardCell id = rule("string", "DE0001").standardise("350102800101001");
        assertThat(id.derived()).containsEntry("birth_date", "1980-01-01").containsEntry("sex", "1")
                .containsEntry("division", "350102");
        assertThat(id.changed()).isTrue();
        assertThat(rule("string", "DE0001").facts()).extracting(FieldStandard.Fact::key)
                .containsExactly("birth_date", "sex", "division");

        StandardCell address = rule("string", "DE0007").standardise("福州市鼓楼区五四路158号");
        assertThat(address.text()).startsWith("福建省福州市鼓楼区");
        assertThat(address.derived()).containsEntry("division", "350102").containsKey("road");

        StandardCell date = rule("date", "DE0004").standardise("2024年1月2日");
        assertThat(date.typed()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(rule("date", "DE0004").sqlType()).isEqualTo("date");
    }
}
