package dev.banyan.synthcity.mess;

import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.synthcity.Profile;
import dev.banyan.synthcity.geo.AddressStyle;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MessMakerTest {

    private static final String ID = "350102199003071234";

    private static MessMaker maker(MessRates rates) {
        return new MessMaker(rates, new SplittableRandom(7), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.FULL);
    }

    private static MessRates only(double transposed, double mistyped, double fifteen, double missing) {
        return new MessRates(0, 0, 0, 0, missing, fifteen, transposed, mistyped, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void transposedAndMistypedNumbersAlwaysFailTheCheckCharacter() {
        MessMaker transposing = maker(only(1, 0, 0, 0));
        MessMaker mistyping = maker(only(0, 1, 0, 0));
        for (int i = 0; i < 2_000; i++) {
            String t = transposing.idNumber(ID, 1990);
            assertThat(t).hasSize(18).isNotEqualTo(ID);
            assertThat(CitizenIdNumber.isValid(t)).as(t).isFalse();
            String m = mistyping.idNumber(ID, 1990);
            assertThat(CitizenIdNumber.isValid(m)).as(m).isFalse();
        }
    }

    @Test
    void legacyNumbersAreTheFifteenDigitFormOnlyForPeopleBornBefore1985() {
        MessMaker legacy = maker(only(0, 0, 1, 0));
        assertThat(legacy.idNumber(ID, 1990)).isEqualTo(ID);
        String old = "35010219600307123" + CitizenIdNumber.checkCharacter("35010219600307123");
        String fifteen = legacy.idNumber(old, 1960);
        assertThat(fifteen).isEqualTo("350102600307123");
        assertThat(CitizenIdNumber.parse(fifteen).orThrow().value()).isEqualTo(old);
    }

    @Test
    void fullWidthAndSpacedNumbersAreStillValidAfterNormalisation() {
        MessMaker m = maker(new MessRates(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        String withX = "11010519491231002X";
        for (int i = 0; i < 50; i++) {
            String s = m.idNumber(withX, 1949);
            assertThat(s).isNotEqualTo(withX);
            assertThat(CitizenIdNumber.parse(s).orThrow().value()).isEqualTo(withX);
        }
    }

    @Test
    void namesGetTraditionalCharactersConfusablesAndSpaces() {
        MessMaker traditional = maker(new MessRates(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(traditional.name("陈建国", 1)).isEqualTo("陳建國");
        MessMaker confusing = maker(new MessRates(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        String typo = confusing.name("黄丽华", 1);
        assertThat(typo).hasSize(3).isNotEqualTo("黄丽华");
        MessMaker swapping = maker(new MessRates(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(swapping.name("欧阳子涵", 2)).isEqualTo("欧阳涵子");
        MessMaker spacing = maker(new MessRates(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(spacing.name("林静", 1)).isIn("林 静", "林静 ", "林\u3000静");
    }

    @Test
    void hardMultipliesTheRatesButKeepsThemProbabilities() {
        MessRates normal = new MessRates(0.01, 0.01, 0.01, 0.01, 0.02, 0.3, 0.01, 0.01, 0.01, 0.1, 0.5, 0.1, 0.4, 0.1);
        MessRates hard = normal.scaled(Profile.HARD);
        assertThat(hard.homophone()).isEqualTo(0.04);
        assertThat(hard.fifteenDigitId()).isEqualTo(0.75);
        assertThat(hard.duplicate()).isEqualTo(0.25);
        assertThat(hard.stale()).isEqualTo(0.9);
        assertThat(normal.scaled(Profile.NORMAL)).isSameAs(normal);
        assertThat(MessRates.clean().scaled(Profile.HARD)).isEqualTo(MessRates.clean());
    }

    @Test
    void datesAndPhonesInEveryStyle() {
        int day = (int) java.time.LocalDate.of(2023, 1, 5).toEpochDay();
        assertThat(DateStyle.ISO.format(day)).isEqualTo("2023-01-05");
        assertThat(DateStyle.SLASH.format(day)).isEqualTo("2023/1/5");
        assertThat(DateStyle.COMPACT.format(day)).isEqualTo("20230105");
        assertThat(DateStyle.CHINESE.format(day)).isEqualTo("2023年1月5日");
        assertThat(DateStyle.DOTTED.format(day)).isEqualTo("2023.01.05");
        assertThat(PhoneStyle.DASHED.format("13812345678")).isEqualTo("138-1234-5678");
        assertThat(PhoneStyle.INTERNATIONAL.format("13812345678")).isEqualTo("+86 138 1234 5678");
        assertThat(PhoneStyle.DASHED.format("059187654321")).isEqualTo("0591-87654321");
        assertThat(PhoneStyle.LOCAL.format("059187654321")).isEqualTo("87654321");
        assertThat(PhoneStyle.PLAIN.format("")).isEmpty();
    }
}
