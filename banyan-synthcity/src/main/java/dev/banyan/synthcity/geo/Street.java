package dev.banyan.synthcity.geo;

import java.util.List;

/**
 * A township-level unit (街道/镇/乡) of a district.
 *
 * @param district    index of the district in the gazetteer
 * @param serial      three-digit serial within the district (used in grid codes and cadastral codes)
 * @param name        e.g. 鼓东街道, 洪山镇
 * @param communities its communities and villages in serial order
 * @param roads       road names of the area
 */
public record Street(int district, int serial, String name, List<Community> communities, List<String> roads) {

    /** The short name used in police station names, e.g. 鼓东 for 鼓东街道. */
    public String stem() {
        if (name.endsWith("街道")) {
            return name.substring(0, name.length() - 2);
        }
        if (name.endsWith("畲族乡")) {
            return name.substring(0, name.length() - 3);
        }
        return name.substring(0, name.length() - 1);
    }
}
