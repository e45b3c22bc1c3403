package dev.banyan.server.share;

/** How a parameter or a row-scope condition compares a column with its value(s). */
public enum ConditionOperator {
    /** equal to the (single) value. */
    EQ,
    /** equal to one of the values. */
    IN,
    /** text starting with the value, e.g. a division code's prefix. */
    PREFIX,
    /** greater than or equal to. */
    GE,
    /** less than or equal to. */
    LE
}
