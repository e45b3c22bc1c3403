package dev.banyan.server.platform;

import java.util.Arrays;

/**
 * One thing wrong with a piece of input: where (the field, e.g. {@code fields[2].dataElement}) and what, as a
 * message code with its arguments, resolved in the reader's language when shown.
 */
public record InputProblem(String field, String messageCode, Object[] arguments) {

    /** A problem with its message arguments given inline. */
    public static InputProblem of(String field, String messageCode, Object... arguments) {
        return new InputProblem(field, messageCode, arguments);
    }

    public InputProblem {
        arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputProblem p && java.util.Objects.equals(field, p.field)
                && java.util.Objects.equals(messageCode, p.messageCode) && Arrays.equals(arguments, p.arguments);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(field, messageCode, Arrays.hashCode(arguments));
    }

    @Override
    public String toString() {
        return field + ": " + messageCode + " " + Arrays.toString(arguments);
    }
}
