package dev.banyan.server.platform;

import java.util.List;

/**
 * Bad input from a person or a client: says what is wrong, where (the field), and how to fix it, through
 * message codes resolved in the caller's language — every problem found, not only the first ({@link #problems()}).
 * Nothing has been changed when this is thrown. Rendered as an RFC 9457 problem detail (HTTP 400) by the API
 * and as a form error by the console.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<InputProblem> problems;
    // The first problem's field and code, kept as fields too: tests read them by name (hasFieldOrPropertyWithValue).
    private final String field;
    private final String messageCode;

    public InvalidInputException(String field, String messageCode, Object... arguments) {
        this(List.of(new InputProblem(field, messageCode, arguments)));
    }

    /** @param problems at least one */
    public InvalidInputException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.stream().map(InputProblem::toString)
                .collect(java.util.stream.Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.field = this.problems.getFirst().field();
        this.messageCode = this.problems.getFirst().messageCode();
    }

    /** Every problem of the input, in the order they were found. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** The input field at fault (the first one when there are several), e.g. {@code creditCode}. */
    public String field() {
        return field;
    }

    /** A key in the message bundles, e.g. {@code error.department.creditCode.invalid} (of the first problem). */
    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return problems.getFirst().arguments();
    }
}
