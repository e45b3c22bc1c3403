package dev.banyan.synthcity.departments;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleIdentificationNumberTest {

    @Test
    void checkDigitMatchesTheStandardExample() {
        // the worked example of the North American / ISO 3779 check digit
        assertThat(VehicleIdentificationNumber.checkDigit("1M8GDM9AXKP042788".toCharArray())).isEqualTo('X');
    }

    @Test
    void generatedNumbersCarryTheirCheckDigitAndModelYear() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            String vin = VehicleIdentificationNumber.of("LGX", 2024, r);
            assertThat(vin).hasSize(17).startsWith("LGX").doesNotContain("I", "O", "Q");
            assertThat(vin.charAt(8)).isEqualTo(VehicleIdentificationNumber.checkDigit(vin.toCharArray()));
            assertThat(vin.charAt(9)).isEqualTo('R');
        }
    }

    @Test
    void accountNumbersAreUniqueForDistinctIndexes() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(AccountNumber.of(i, 6, 501))).isTrue();
        }
        assertThat(AccountNumber.of(42, 8, 1)).hasSize(8);
    }
}
