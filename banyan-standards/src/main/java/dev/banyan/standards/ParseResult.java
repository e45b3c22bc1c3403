package dev.banyan.standards;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The outcome of parsing an identifier or other standard value: either the value, or a sentence saying
 * what is wrong with the input (suitable for a quarantine reason or an error message).
 */
public record ParseResult<T>(T value, String problem) {

    /** Exactly one of {@code value} and {@code problem} is present. */
    public ParseResult {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("a parse result has either a value or a problem: " + value + ", " + problem);
        }
    }

    /** A successful result carrying {@code value} (not null). */
    public static <T> ParseResult<T> valid(T value) {
        return new ParseResult<>(value, null);
    }

    /** A failed result; {@code problem} says what is wrong, in a sentence fit for a quarantine reason. */
    public static <T> ParseResult<T> invalid(String problem) {
        return new ParseResult<>(null, problem);
    }

    /** True if there is a value and no problem. */
    public boolean isValid() {
        return problem == null;
    }

    /** The value, or empty if invalid. */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** The value, or an exception carrying the problem. */
    public T orThrow() {
        if (problem != null) {
            throw new NoSuchElementException(problem);
        }
        return value;
    }
}
