package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "D2143569, X",  // Σ = 199, mod 11 = 1 (identifiers.md §3)
            "MA2Y1234, 4",  // Σ = 535, mod 11 = 7
            "00001333, 8",  // Σ = 47, mod 11 = 3; embedded in 11100000000013338W
            "00000000, 0"   // Σ mod 11 = 0 gives 11, written 0
    })
    void checkCharacterOfTheWorkedExamples(String body, char check) {
        assertThat(OrganizationCode.checkCharacter(body)).isEqualTo(check);
    }

    @ParameterizedTest
    @ValueSource(strings = {"D2143569-X", "D2143569X", "d2143569-x", "MA2Y1234-4", "00001333-8", " 00001333-8 ", "Ｄ２１４３５６９－Ｘ"})
    void validCodesInTheirUsualSpellings(String raw) {
        assertThat(OrganizationCode.parse(raw).problem()).isNull();
        assertThat(OrganizationCode.isValid(raw)).isTrue();
    }

    @Test
    void parseReturnsTheWrittenForm() {
        assertThat(OrganizationCode.parse("d2143569x").value()).isEqualTo("D2143569-X");
        assertThat(OrganizationCode.parse("MA2Y1234-4").value()).isEqualTo("MA2Y1234-4");
    }

    @Test
    void wrongCheckCharacter() {
        assertThat(OrganizationCode.parse("D2143569-1").problem()).isEqualTo("check character is 1 but should be X");
        assertThat(OrganizationCode.isValid("MA2Y1234-5")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"D2143569-XX", "D21-43569X", "D2143569-X-", "D2143569 X"})
    void wrongShape(String raw) {
        assertThat(OrganizationCode.parse(raw).problem())
                .startsWith("organisation code must have 8 characters, a hyphen and a check character");
    }

    @Test
    void checkPositionMustHoldADigitOrX() {
        assertThat(OrganizationCode.parse("D2143569-").problem()).isEqualTo("check character must be a digit or X, got '-'");
        assertThat(OrganizationCode.parse("D2143569-A").problem()).isEqualTo("check character must be a digit or X, got 'A'");
    }

    @Test
    void characterOutsideDigitsAndLetters() {
        assertThat(OrganizationCode.parse("D214356*-X").problem()).isEqualTo("character 8 '*' is not a digit or capital letter");
        // Seven characters before the hyphen: the hyphen lands in the body.
        assertThat(OrganizationCode.parse("D214356-X").problem()).isEqualTo("character 8 '-' is not a digit or capital letter");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyInput(String raw) {
        assertThat(OrganizationCode.parse(raw).problem()).isEqualTo("empty organisation code");
        assertThat(OrganizationCode.isValid(raw)).isFalse();
    }

    @Test
    void checkCharacterRejectsBadBodies() {
        assertThatThrownBy(() -> OrganizationCode.checkCharacter("D214356"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 8 characters, got 7");
        assertThatThrownBy(() -> OrganizationCode.checkCharacter("d2143569"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 1");
    }
}
