package dev.banyan.standards;

import java.util.Objects;

/**
 * A village-level unit (村级: 社区 in towns, 行政村 in the countryside) of a township, as listed in a
 * {@link Gazetteer}.
 *
 * @param code         the gazetteer's code, e.g. {@code 350102001001} (township code and a three-digit serial)
 * @param name         the full name, e.g. {@code 三牧坊社区}, {@code 侯官村}
 * @param townshipCode the code of its {@link Township}
 */
public record Community(String code, String name, String townshipCode) {

    /** Checks presence. */
    public Community {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(townshipCode, "townshipCode");
    }
}
