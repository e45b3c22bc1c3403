package dev.banyan.server.share;

/**
 * One parameter of a data service: the name callers use (ASCII, e.g. {@code idNumber}), the field or fact of the
 * source table it is compared with, its type and operator, and whether it must be given.
 */
public record ServiceParameter(String name, String field, ParameterType type, ConditionOperator operator, boolean required,
                               String description) {

    public ServiceParameter {
        type = type == null ? ParameterType.STRING : type;
        operator = operator == null ? ConditionOperator.EQ : operator;
    }
}
