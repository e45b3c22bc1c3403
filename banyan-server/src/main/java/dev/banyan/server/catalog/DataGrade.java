package dev.banyan.server.catalog;

/** Data grade (数据分级: 一般 / 重要 / 核心) after GB/T 43697-2024, lowest first. */
public enum DataGrade {
    /** 一般数据. */
    GENERAL,
    /** 重要数据. */
    IMPORTANT,
    /** 核心数据. */
    CORE
}
