package dev.banyan.server.catalog;

/**
 * The actor's role or department does not allow the action (无权操作), e.g. a liaison editing another
 * department's draft. Rendered as HTTP 403; nothing has been changed.
 */
public class CatalogPermissionException extends RuntimeException {

    private final String messageCode;
    private final transient Object[] arguments;

    public CatalogPermissionException(String messageCode, Object... arguments) {
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
