package dev.banyan.synthcity.geo;

/**
 * A unit grid cell (单元网格) of the city-management grid: the place every address is geocoded to.
 *
 * @param index     position in the gazetteer
 * @param community index of its community
 * @param code      15 digits = 6 district + 3 street serial + 3 community serial + 3 grid serial (DB11-style layout)
 */
public record GridCell(int index, int community, String code) {
}
