package dev.banyan.standards;

import java.util.Objects;

/**
 * A township-level unit (乡级行政区: 街道, 镇, 乡, 民族乡) of a county-level division, as listed in a
 * {@link Gazetteer}.
 *
 * @param code       the gazetteer's code, e.g. {@code 350102001} (county code and a three-digit serial)
 * @param name       the full name, e.g. {@code 鼓东街道}, {@code 洪山镇}
 * @param countyCode the six-digit GB/T 2260 code of its county in force today, e.g. {@code 350102}
 */
public record Township(String code, String name, String countyCode) {

    /** Checks presence and the county code's shape. */
    public Township {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!DivisionCodes.isWellFormed(countyCode)) {
            throw new IllegalArgumentException("county code must be six digits: " + countyCode);
        }
    }
}
