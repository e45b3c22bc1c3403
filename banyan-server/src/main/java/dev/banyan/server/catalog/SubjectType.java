package dev.banyan.server.catalog;

/**
 * What a data element describes (数据主体: 自然人 / 法人 / 房屋 / 车辆 / 地址), the other half of the key of
 * one data, one source: e.g. a person's birth date or a company's registered capital.
 */
public enum SubjectType {
    /** 自然人. */
    PERSON,
    /** 法人及其他组织. */
    LEGAL_ENTITY,
    /** 房屋. */
    PROPERTY,
    /** 车辆. */
    VEHICLE,
    /** 地址与区划. */
    PLACE
}
