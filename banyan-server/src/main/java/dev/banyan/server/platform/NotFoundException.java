package dev.banyan.server.platform;

/** Something asked for by its identifier does not exist; rendered as HTTP 404. */
public class NotFoundException extends RuntimeException {

    private final String messageCode;
    private final transient Object[] arguments;

    public NotFoundException(String messageCode, Object... arguments) {
        super(messageCode + " " + java.util.Arrays.toString(arguments));
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
