package dev.banyan.server.share;

/**
 * The type of a service parameter, which decides how a caller's text is checked and standardised before it reaches
 * the database: a citizen identity number is checked (GB 11643) and a 15-digit one converted, a credit code checked
 * (GB 32100), a date read in any common form.
 */
public enum ParameterType {
    STRING,
    CITIZEN_ID,
    CREDIT_CODE,
    DATE,
    INTEGER,
    DECIMAL
}
