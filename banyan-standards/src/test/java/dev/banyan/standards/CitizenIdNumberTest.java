package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdNumberTest {

    /** Appends the correct check character, so that a test isolates the one problem it is about. */
    private static String withCheck(String first17) {
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    private static String problemOf(String raw) {
        ParseResult<CitizenIdNumber> result = CitizenIdNumber.parse(raw);
        assertThat(result.isValid()).as("%s should be rejected", raw).isFalse();
        return result.problem();
    }

    @Nested
    class CheckCharacter {

        @Test
        void standardExampleHasCheckX() {
            // S = 167, 167 mod 11 = 2 -> X (identifiers.md §1)
            assertThat(CitizenIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        }

        @Test
        void fuzhouExampleHasCheck4() {
            // S = 228, 228 mod 11 = 8 -> 4
            assertThat(CitizenIdNumber.checkCharacter("35010219900307123")).isEqualTo('4');
        }

        @Test
        void rejectsWrongLengthAndNonDigits() {
            assertThatThrownBy(() -> CitizenIdNumber.checkCharacter("1101051949123100"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 17 digits, got 16");
            assertThatThrownBy(() -> CitizenIdNumber.checkCharacter("1101051949123100A"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 17");
        }
    }

    @Nested
    class ValidNumbers {

        @Test
        void standardExampleIsAWomanBornOn1949_12_31() {
            CitizenIdNumber id = CitizenIdNumber.parse("11010519491231002X").orThrow();
            assertThat(id.value()).isEqualTo("11010519491231002X");
            assertThat(id.divisionCode()).isEqualTo("110105");
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
            assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        }

        @Test
        void fuzhouExampleIsAManBornOn1990_03_07() {
            CitizenIdNumber id = CitizenIdNumber.parse("350102199003071234").orThrow();
            assertThat(id.divisionCode()).isEqualTo("350102");
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
            assertThat(id.sex()).isEqualTo(Sex.MALE);
            assertThat(id.ageOn(LocalDate.of(2026, 3, 6))).isEqualTo(35);
            assertThat(id.ageOn(LocalDate.of(2026, 3, 7))).isEqualTo(36);
        }

        @Test
        void lowerCaseXIsUpperCased() {
            assertThat(CitizenIdNumber.parse("11010519491231002x").orThrow().value()).isEqualTo("11010519491231002X");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "３５０１０２１９９００３０７１２３４",   // full-width digits
                "１１０１０５１９４９１２３１００２ｘ",   // full-width lower-case x
                "  350102199003071234\t",              // surrounding white space
                "\u3000350102199003071234\u3000"       // ideographic spaces
        })
        void acceptsFullWidthAndSurroundingSpace(String raw) {
            ParseResult<CitizenIdNumber> result = CitizenIdNumber.parse(raw);
            assertThat(result.problem()).isNull();
            assertThat(result.value().value()).matches("\\d{17}[\\dX]");
        }

        @Test
        void isValidAgreesWithParse() {
            assertThat(CitizenIdNumber.isValid("350102199003071234")).isTrue();
            assertThat(CitizenIdNumber.isValid("350102199003071235")).isFalse();
        }

        @Test
        void equalityIsByValue() {
            assertThat(CitizenIdNumber.parse("11010519491231002x").orThrow())
                    .isEqualTo(CitizenIdNumber.parse("11010519491231002X").orThrow())
                    .hasSameHashCodeAs(CitizenIdNumber.parse("11010519491231002X").orThrow())
                    .hasToString("11010519491231002X");
        }
    }

    @Nested
    class FifteenDigitNumbers {

        @Test
        void upgradeInserts19AndAppendsTheCheck() {
            assertThat(CitizenIdNumber.upgradeFrom15("350102900307123")).isEqualTo("350102199003071234");
        }

        @Test
        void parseAcceptsTheOldFormAndConvertsIt() {
            CitizenIdNumber id = CitizenIdNumber.parse("350102900307123").orThrow();
            assertThat(id.value()).isEqualTo("350102199003071234");
            assertThat(id.asFifteenDigits()).contains("350102900307123");
        }

        @Test
        void noFifteenDigitFormForPeopleBornSince2000() {
            CitizenIdNumber id = CitizenIdNumber.of("350102", LocalDate.of(2001, 5, 4), 22);
            assertThat(id.asFifteenDigits()).isEmpty();
        }

        @Test
        void upgradeRejectsNonDigits() {
            assertThatThrownBy(() -> CitizenIdNumber.upgradeFrom15("35010290030712X"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 15 digits");
            // Digits of other scripts are not ASCII digits.
            assertThatThrownBy(() -> CitizenIdNumber.upgradeFrom15("35010290030712\u0663"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void fifteenCharactersWithALetterAreExplained() {
            assertThat(problemOf("35010290030712X"))
                    .isEqualTo("15-digit identity number must contain only digits; character 15 is 'X'");
        }

        @Test
        void fifteenCharactersWithAnotherScriptsDigitAreRejectedNotThrown() {
            // U+0663 ARABIC-INDIC DIGIT THREE survives NFKC and must not reach checkCharacter.
            assertThat(problemOf("35010290030712\u0663")).contains("character 15");
        }

        @Test
        void badDateInFifteenDigitsIsReportedInEighteenDigitTerms() {
            assertThat(problemOf("350102901307123")).isEqualTo("birth date 19901307 is not a calendar date");
        }
    }

    @Nested
    class InvalidNumbers {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void emptyInput(String raw) {
            assertThat(problemOf(raw)).isEqualTo("empty identity number");
        }

        @Test
        void wrongCheckCharacter() {
            assertThat(problemOf("350102199003071235")).isEqualTo("check character is 5 but should be 4");
            assertThat(problemOf("110105194912310021")).isEqualTo("check character is 1 but should be X");
        }

        @Test
        void birthDateThatIsNotACalendarDate() {
            assertThat(problemOf(withCheck("35010220230230123")))
                    .isEqualTo("birth date 20230230 is not a calendar date");
            assertThat(problemOf(withCheck("35010219901301123")))
                    .isEqualTo("birth date 19901301 is not a calendar date");
        }

        @Test
        void birthDateInTheFuture() {
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
            String first17 = "350102" + tomorrow.toString().replace("-", "") + "123";
            assertThat(problemOf(withCheck(first17))).isEqualTo("birth date " + tomorrow + " is in the future");
            assertThat(problemOf(withCheck("35010220990101123"))).isEqualTo("birth date 2099-01-01 is in the future");
        }

        @Test
        void birthDateBefore1800() {
            assertThat(problemOf(withCheck("35010217991231123"))).isEqualTo("birth date 1799-12-31 is before 1800");
        }

        @ParameterizedTest
        @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "47", "55", "60", "66", "70", "72", "80", "84", "91", "99"})
        void unknownProvince(String province) {
            assertThat(problemOf(withCheck(province + "010219900307123")))
                    .isEqualTo("unknown province code " + province + " in address code " + province + "0102");
        }

        @ParameterizedTest
        @ValueSource(strings = {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82", "83"})
        void everyListedProvinceIsAccepted(String province) {
            assertThat(CitizenIdNumber.parse(withCheck(province + "010219900307123")).problem()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"3501021990030712", "35010219900307123", "3501021990030712345", "1"})
        void wrongLength(String raw) {
            assertThat(problemOf(raw))
                    .isEqualTo("identity number must have 18 characters (or 15 before 1999), got " + raw.length());
        }

        @Test
        void letterBeforeTheLastPosition() {
            assertThat(problemOf("3501021990030712X4")).isEqualTo("character 17 must be a digit: 'X'");
            assertThat(problemOf("35O102199003071234")).isEqualTo("character 3 must be a digit: 'O'");
        }

        @Test
        void lastCharacterOtherThanDigitOrX() {
            assertThat(problemOf("35010219900307123Y")).isEqualTo("last character must be a digit or X: 'Y'");
        }

        @Test
        void inputWithInnerSpacesIsNotGuessedAt() {
            assertThat(problemOf("350102 19900307 1234")).contains("must have 18 characters");
        }
    }

    @Nested
    class Building {

        @Test
        void ofComputesTheCheckCharacter() {
            CitizenIdNumber id = CitizenIdNumber.of("350102", LocalDate.of(1990, 3, 7), 123);
            assertThat(id.value()).isEqualTo("350102199003071234");
            assertThat(CitizenIdNumber.of("110105", LocalDate.of(1949, 12, 31), 2).value()).isEqualTo("11010519491231002X");
        }

        @Test
        void sequenceParityGivesSex() {
            assertThat(CitizenIdNumber.of("350102", LocalDate.of(1990, 3, 7), 1).sex()).isEqualTo(Sex.MALE);
            assertThat(CitizenIdNumber.of("350102", LocalDate.of(1990, 3, 7), 10).sex()).isEqualTo(Sex.FEMALE);
        }

        @Test
        void everyBuiltNumberParsesBackToItself() {
            LocalDate birth = LocalDate.of(1960, 1, 1);
            for (int sequence = 0; sequence <= 999; sequence += 7) {
                CitizenIdNumber id = CitizenIdNumber.of("350181", birth.plusDays(sequence * 13L), sequence);
                assertThat(CitizenIdNumber.parse(id.value()).value()).isEqualTo(id);
            }
        }

        @Test
        void ofRejectsPartsThatCannotMakeAValidNumber() {
            LocalDate birth = LocalDate.of(1990, 3, 7);
            assertThatThrownBy(() -> CitizenIdNumber.of("35010", birth, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six digits");
            assertThatThrownBy(() -> CitizenIdNumber.of("990102", birth, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown province code 99");
            assertThatThrownBy(() -> CitizenIdNumber.of("350102", birth, 1000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence must be 0..999");
            assertThatThrownBy(() -> CitizenIdNumber.of("350102", LocalDate.of(2099, 1, 1), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the future");
        }
    }

    @Nested
    class AgainstAdministrativeDivisions {

        private final AdministrativeDivisions divisions = AdministrativeDivisions.load();

        @Test
        void currentCodeIsAccepted() {
            assertThat(CitizenIdNumber.parse("350102199003071234", divisions).problem()).isNull();
        }

        @Test
        void retiredCodeIsAcceptedBecauseNumbersKeepTheCodeOfIssue() {
            // 350126 长乐县 was listed 1983-12 … 1993-12.
            assertThat(divisions.current("350126")).isEmpty();
            assertThat(CitizenIdNumber.parse(withCheck("35012619850101123"), divisions).problem()).isNull();
        }

        @Test
        void codeCreatedAfter2019IsAccepted() {
            // 350404 三元区 (2021) is not in the 2019 tables.
            assertThat(CitizenIdNumber.parse(withCheck("35040420220101123"), divisions).problem()).isNull();
        }

        @Test
        void residencePermitCodesAreAccepted() {
            assertThat(CitizenIdNumber.parse(withCheck("83000019900307123"), divisions).problem()).isNull();
            assertThat(CitizenIdNumber.parse(withCheck("81000019900307123"), divisions).problem()).isNull();
        }

        @Test
        void codeThatNeverExistedIsRejected() {
            String raw = withCheck("35019919900307123");
            assertThat(CitizenIdNumber.isValid(raw)).as("the one-argument parse checks only the province").isTrue();
            assertThat(CitizenIdNumber.parse(raw, divisions).problem())
                    .isEqualTo("address code 350199 is not in any GB/T 2260 revision");
        }

        @Test
        void otherProblemsComeFirst() {
            assertThat(CitizenIdNumber.parse(withCheck("35019920230230123"), divisions).problem())
                    .isEqualTo("birth date 20230230 is not a calendar date");
        }
    }
}
