package dev.banyan.server.share;

/**
 * What a data service does (服务类型): looks one subject up by key (查询), lists rows matching filters page by page
 * (列表), counts and aggregates (统计), answers yes or no about a subject without revealing its data (核验), or passes
 * the call on to a registered upstream interface of the province or the nation (代理).
 */
public enum ServiceKind {
    LOOKUP,
    LIST,
    AGGREGATE,
    VERIFICATION,
    PROXY
}
