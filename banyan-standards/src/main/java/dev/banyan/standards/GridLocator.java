package dev.banyan.standards;

import java.util.Optional;

/**
 * Places a parsed address in a unit grid cell (单元网格) of the city-management grid — a hook for the
 * server, which knows the grid; {@link AddressParser#withGridLocator(GridLocator)} calls it for every
 * address it parses and stores the answer in {@link ChineseAddress#gridCell()}. Must be thread-safe and
 * must not throw for addresses it cannot place.
 */
@FunctionalInterface
public interface GridLocator {

    /** The grid cell code of the address, or empty if it cannot be placed. */
    Optional<String> gridCellOf(ChineseAddress address);
}
