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
        assertThat(result.problemCode()).isNull();
        assertThat(result.isEmptyInput()).isFalse();
    }

    @Test
    void invalidResultCarriesTheProblem() {
        ParseResult<String> result = ParseResult.invalid("too short");
        assertThat(result.isValid()).isFalse();
        assertThat(result.toOptional()).isEmpty();
        assertThat(result.problemCode()).isEqualTo(ParseResult.GENERIC_PROBLEM);
        assertThatThrownBy(result::orThrow).isInstanceOf(NoSuchElementException.class).hasMessage("too short");
    }

    @Test
    void invalidResultWithItsOwnCode() {
        ParseResult<String> result = ParseResult.invalid("date.impossible", "no 30 February");
        assertThat(result.problemCode()).isEqualTo("date.impossible");
        assertThat(result.problem()).isEqualTo("no 30 February");
        assertThat(result.isEmptyInput()).isFalse();
    }

    @Test
    void emptyInputHasTheSharedCode() {
        ParseResult<String> result = ParseResult.empty("date");
        assertThat(result.problemCode()).isEqualTo(ParseResult.EMPTY).isEqualTo("empty");
        assertThat(result.problem()).isEqualTo("empty date");
        assertThat(result.isEmptyInput()).isTrue();
    }

    @Test
    void twoArgumentConstructorGivesTheGenericCode() {
        assertThat(new ParseResult<>(null, "bad").problemCode()).isEqualTo("invalid");
        assertThat(new ParseResult<>("x", null).problemCode()).isNull();
    }

    @Test
    void mapTransformsValuesAndKeepsProblems() {
        assertThat(ParseResult.valid("abc").map(String::length)).isEqualTo(ParseResult.valid(3));
        ParseResult<Integer> mapped = ParseResult.<String>invalid("x.y", "bad").map(String::length);
        assertThat(mapped.problem()).isEqualTo("bad");
        assertThat(mapped.problemCode()).isEqualTo("x.y");
    }

    @Test
    void exactlyOneOfValueAndProblem() {
        assertThatThrownBy(() -> ParseResult.valid(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParseResult.invalid(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult<>("x", "problem")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProblemAndOnlyAProblemHasACode() {
        assertThatThrownBy(() -> new ParseResult<>(null, "problem", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult<>("x", null, "code")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParseResult.invalid(null, "problem")).isInstanceOf(NullPointerException.class);
    }
}
