package dev.banyan.synthcity;

/**
 * How messy the departments' data are (数据脏乱程度). {@link #NORMAL} mistakes are rare, as in reasonably kept
 * systems; {@link #HARD} multiplies typos, missing and invalid identifiers and duplicates by four and legacy forms and
 * stale values by two and a half, to stress record linkage.
 */
public enum Profile {
    NORMAL,
    HARD
}
