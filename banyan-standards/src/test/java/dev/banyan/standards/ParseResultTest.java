package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ParseResultTest {

    @Test
    void validResultCarriesTheValue() {
        ParseResult<String> result = ParseResult.valid("x");
        assertThat(result.isValid()).isTrue();
        assertThat(result.toOptional()).contains("x");
        assertThat(result.orThrow()).isEqualTo("x");
        assertThat(result.problem()).isNull();
    }

    @Test
    void invalidResultCarriesTheProblem() {
        ParseResult<String> result = ParseResult.invalid("too short");
        assertThat(result.isValid()).isFalse();
        assertThat(result.toOptional()).isEmpty();
        assertThatThrownBy(result::orThrow).isInstanceOf(NoSuchElementException.class).hasMessage("too short");
    }

    @Test
    void exactlyOneOfValueAndProblem() {
        assertThatThrownBy(() -> ParseResult.valid(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParseResult.invalid(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult<>("x", "problem")).isInstanceOf(IllegalArgumentException.class);
    }
}
