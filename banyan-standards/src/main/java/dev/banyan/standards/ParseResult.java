package dev.banyan.standards;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of parsing an identifier or other standard value (解析结果): either the value, or a sentence
 * saying what is wrong with the input (suitable for a quarantine reason or an error message) together with
 * a stable problem code.
 *
 * <p>The problem code is a short, stable, language-neutral key such as {@code date.impossible} that a
 * caller can translate (e.g. into a Chinese quarantine reason) or count; the sentence is English and names
 * the offending part of the input. Every rule reports blank input with the code {@link #EMPTY}, so that a
 * caller can treat missing values (completeness) apart from wrong ones (validity). Rules written before
 * problem codes existed report the code {@link #GENERIC_PROBLEM}.
 *
 * @param value       the parsed value, or null if invalid
 * @param problem     what is wrong and how to fix it, or null if valid
 * @param problemCode the stable code of the problem, or null if valid
 */
public record ParseResult<T>(T value, String problem, String problemCode) {

    /** The problem code of blank input (null, empty or only whitespace), the same for every rule. */
    public static final String EMPTY = "empty";

    /** The problem code of rules that give no more specific one. */
    public static final String GENERIC_PROBLEM = "invalid";

    /** Exactly one of {@code value} and {@code problem} is present, and a problem has a code. */
    public ParseResult {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("a parse result has either a value or a problem: " + value + ", " + problem);
        }
        if ((problem == null) != (problemCode == null)) {
            throw new IllegalArgumentException("a problem, and only a problem, has a problem code: " + problem + ", " + problemCode);
        }
    }

    /** A result without an explicit problem code: a problem gets {@link #GENERIC_PROBLEM}. */
    public ParseResult(T value, String problem) {
        this(value, problem, problem == null ? null : GENERIC_PROBLEM);
    }

    /** A successful result carrying {@code value} (not null). */
    public static <T> ParseResult<T> valid(T value) {
        return new ParseResult<>(value, null, null);
    }

    /** A failed result with the code {@link #GENERIC_PROBLEM}; {@code problem} says what is wrong, in a sentence fit for a quarantine reason. */
    public static <T> ParseResult<T> invalid(String problem) {
        return new ParseResult<>(null, problem);
    }

    /**
     * A failed result.
     *
     * @param problemCode a stable code such as {@code date.impossible}
     * @param problem     what is wrong and how to fix it
     */
    public static <T> ParseResult<T> invalid(String problemCode, String problem) {
        Objects.requireNonNull(problemCode, "problemCode");
        return new ParseResult<>(null, problem, problemCode);
    }

    /** The result of blank input: code {@link #EMPTY} and the sentence "empty {@code what}". */
    public static <T> ParseResult<T> empty(String what) {
        return new ParseResult<>(null, "empty " + what, EMPTY);
    }

    /** True if there is a value and no problem. */
    public boolean isValid() {
        return problem == null;
    }

    /** True if the input was blank (problem code {@link #EMPTY}). */
    public boolean isEmptyInput() {
        return EMPTY.equals(problemCode);
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

    /** The value transformed by {@code mapper} (which must not return null), or this problem unchanged. */
    public <U> ParseResult<U> map(Function<? super T, ? extends U> mapper) {
        if (problem != null) {
            return new ParseResult<>(null, problem, problemCode);
        }
        return valid(mapper.apply(value));
    }
}
