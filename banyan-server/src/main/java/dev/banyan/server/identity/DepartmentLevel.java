package dev.banyan.server.identity;

/** The administrative level of a department (层级): 省级 / 市级 / 县级 / 乡镇级. */
public enum DepartmentLevel {
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP
}
