package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FullWidthTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "１２３４５６７８９０|1234567890",
            "ＡＢＣｘｙｚ|ABCxyz",
            "（０５９１）８７６５－４３２１|(0591)8765-4321",
            "１２．５万|12.5万",
            "￥１，２３４|¥1,234",
            "张　三|张 三",
            "＃＠！？：；|#@!?:;",
            "鼓楼区|鼓楼区"
    })
    void convertsToHalfWidth(String fullWidth, String halfWidth) {
        assertThat(FullWidth.toHalfWidth(fullWidth)).isEqualTo(halfWidth);
    }

    @Test
    void leavesChinesePunctuationAndOtherCompatibilityCharactersAlone() {
        assertThat(FullWidth.toHalfWidth("、。《》“”①㈱")).isEqualTo("、。《》“”①㈱");
    }

    @Test
    void returnsTheSameInstanceWhenNothingChanges() {
        String s = "2024-01-02 福州";
        assertThat(FullWidth.toHalfWidth(s)).isSameAs(s);
        assertThat(FullWidth.toHalfWidth((String) null)).isNull();
    }

    @Test
    void agreesWithNfkcOnEveryCharacterItChanges() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (FullWidth.isFullWidth(c)) {
                assertThat(String.valueOf(FullWidth.toHalfWidth(c)))
                        .as("U+%04X", (int) c)
                        .isEqualTo(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
            }
        }
    }

    @Test
    void detectsFullWidth() {
        assertThat(FullWidth.containsFullWidth("ab１")).isTrue();
        assertThat(FullWidth.containsFullWidth("ab1福州")).isFalse();
        assertThat(FullWidth.containsFullWidth(null)).isFalse();
        assertThat(FullWidth.isFullWidth('\u3000')).isTrue();
        assertThat(FullWidth.toHalfWidth('a')).isEqualTo('a');
    }
}
