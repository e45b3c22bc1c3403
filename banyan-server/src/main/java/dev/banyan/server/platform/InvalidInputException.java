package dev.banyan.server.platform;

import java.util.Arrays;

/**
 * Bad input from a person or a client: says what is wrong, where (the field), and how to fix it, through
 * a message code resolved in the caller's language. Nothing has been changed when this is thrown.
 * Rendered as an RFC 9457 problem detail (HTTP 400) by the API and as a form error by the console.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageCode;
    private final transient Object[] arguments;

    public InvalidInputException(String field, String messageCode, Object... arguments) {
        super(field + ": " + messageCode + " " + Arrays.toString(arguments));
        this.field = field;
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
    }

    /** The input field at fault, e.g. {@code creditCode}. */
    public String field() {
        return field;
    }

    /** A key in the message bundles, e.g. {@code error.department.creditCode.invalid}. */
    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
