package dev.banyan.synthcity.geo;

import java.util.List;

/**
 * A county-level division of the city (区/县/县级市), identified by its GB/T 2260 code.
 *
 * @param index      position in the gazetteer
 * @param code       six-digit GB/T 2260 code, e.g. {@code 350102}
 * @param name       full name, e.g. 鼓楼区
 * @param shortName  name without the suffix, e.g. 鼓楼
 * @param weight     share of the city's residents (relative)
 * @param urban      true for a 市辖区 proper, false for a county or county-level city
 * @param streets    its streets and towns in serial order
 */
public record District(int index, String code, String name, String shortName, double weight, boolean urban,
                       List<Street> streets) {

    @Override
    public String toString() {
        return code + " " + name;
    }
}
