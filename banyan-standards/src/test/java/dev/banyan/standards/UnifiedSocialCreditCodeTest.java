package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    private static String problemOf(String raw) {
        ParseResult<UnifiedSocialCreditCode> result = UnifiedSocialCreditCode.parse(raw);
        assertThat(result.isValid()).as("%s should be rejected", raw).isFalse();
        return result.problem();
    }

    @Test
    void alphabetHas31SymbolsWithoutIOSVZ() {
        assertThat(UnifiedSocialCreditCode.ALPHABET).hasSize(31).doesNotContain("I", "O", "S", "V", "Z");
    }

    @Test
    void checkCharacterOfTheWorkedExamples() {
        // Σ = 1668, 1668 mod 31 = 25, r = 6 (identifiers.md §2)
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100MA2Y12344")).isEqualTo('6');
        // Ministry of Housing and Urban-Rural Development, r = 28
        assertThat(UnifiedSocialCreditCode.checkCharacter("11100000000013338")).isEqualTo('W');
    }

    @Test
    void checkCharacterRejectsCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("91350100IA2Y12344"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 9");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("91350100MA2Y1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 16");
    }

    @Test
    void parsesAMarketEntityCodeIntoItsParts() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse("91350100MA2Y123446").orThrow();
        assertThat(code.value()).isEqualTo("91350100MA2Y123446");
        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.entityCategory()).isEqualTo('1');
        assertThat(code.divisionCode()).isEqualTo("350100");
        assertThat(code.organizationCode()).isEqualTo("MA2Y12344");
        assertThat(code.hasValidOrganizationCode()).isTrue();
    }

    @Test
    void parsesAMinistryCode() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse("11100000000013338W").orThrow();
        assertThat(code.registrationAuthority()).isEqualTo('1');
        assertThat(code.divisionCode()).isEqualTo("100000");
        assertThat(code.organizationCode()).isEqualTo("000013338");
        assertThat(code.hasValidOrganizationCode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100ma2y123446", "９１３５０１００ＭＡ２Ｙ１２３４４６", " 91350100MA2Y123446 ", "11100000000013338w"})
    void acceptsLowerCaseFullWidthAndSurroundingSpace(String raw) {
        assertThat(UnifiedSocialCreditCode.parse(raw).problem()).isNull();
        assertThat(UnifiedSocialCreditCode.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyInput(String raw) {
        assertThat(problemOf(raw)).isEqualTo("empty unified social credit code");
    }

    @Test
    void wrongCheckCharacter() {
        assertThat(problemOf("91350100MA2Y123447")).isEqualTo("check character is 7 but should be 6");
        assertThat(problemOf("11100000000013338X")).isEqualTo("check character is X but should be W");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z"})
    void lettersOutsideTheAlphabetAreNamed(String letter) {
        String raw = "91350100" + letter + "A2Y123446";
        assertThat(problemOf(raw)).isEqualTo("character 9 is '" + letter
                + "'; the letters I, O, S, V and Z are not used in unified social credit codes");
    }

    @Test
    void excludedLetterInTheCheckPosition() {
        assertThat(problemOf("91350100MA2Y12344O")).contains("character 18 is 'O'");
    }

    @Test
    void punctuationIsNotAllowed() {
        assertThat(problemOf("91350100-MA2Y12344")).isEqualTo("character 9 '-' is not a digit or capital letter");
    }

    @Test
    void divisionCodeMustBeDigits() {
        assertThat(problemOf("913501A0MA2Y123446"))
                .isEqualTo("characters 3-8 must be a division code; character 7 is 'A'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100MA2Y12344", "91350100MA2Y1234466", "9"})
    void wrongLength(String raw) {
        assertThat(problemOf(raw)).isEqualTo("unified social credit code must have 18 characters, got " + raw.length());
    }

    @Test
    void ofBuildsBothCheckCharacters() {
        assertThat(UnifiedSocialCreditCode.of('9', '1', "350100", "MA2Y1234").value()).isEqualTo("91350100MA2Y123446");
        assertThat(UnifiedSocialCreditCode.of('1', '1', "100000", "00001333").value()).isEqualTo("11100000000013338W");
    }

    @Test
    void everyBuiltCodeParses() {
        for (int i = 0; i < 500; i++) {
            String body = String.format("%08d", 3_500_100 + i * 7919);
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of('1', '1', "350100", body);
            assertThat(UnifiedSocialCreditCode.parse(code.value()).value()).isEqualTo(code);
            assertThat(code.hasValidOrganizationCode()).isTrue();
        }
    }

    @Test
    void ofRejectsMalformedParts() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.of('9', '1', "35010", "MA2Y1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six digits");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.of('9', '1', "350100", "MA2Y123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 characters");
        // GB 11714 allows O in an organisation code, GB 32100 does not.
        assertThatThrownBy(() -> UnifiedSocialCreditCode.of('9', '1', "350100", "MO2Y1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'O'");
    }

    @Test
    void inconsistentEmbeddedOrganisationCodeIsReportedButNotRejected() {
        String first17 = "91350100MA2Y12345"; // organisation check should be 4
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode
                .parse(first17 + UnifiedSocialCreditCode.checkCharacter(first17)).orThrow();
        assertThat(code.hasValidOrganizationCode()).isFalse();
    }

    @Test
    void equalityIsByValue() {
        assertThat(UnifiedSocialCreditCode.parse("91350100ma2y123446").orThrow())
                .isEqualTo(UnifiedSocialCreditCode.of('9', '1', "350100", "MA2Y1234"))
                .hasToString("91350100MA2Y123446");
    }
}
