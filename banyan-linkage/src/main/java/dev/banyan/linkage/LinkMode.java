package dev.banyan.linkage;

/** Whether to deduplicate one set of records (去重) or link records across sources only (跨源链接). */
public enum LinkMode {
    /** Compare every candidate pair, whatever the sources. */
    DEDUPLICATE,
    /** Compare only pairs from different sources, as when linking two files. */
    LINK
}
