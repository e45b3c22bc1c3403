package dev.banyan.server.catalog;

/**
 * Where a resource stands in its lifecycle (资源状态: 草稿 / 待审核 / 已发布 / 已撤销). A liaison drafts, the
 * chief data officer submits, the platform administrator publishes or returns it to draft; retired
 * resources keep their history.
 */
public enum ResourceStatus {
    /** 草稿. */
    DRAFT,
    /** 待审核: submitted by the chief data officer, waiting for the platform administrator. */
    PENDING_REVIEW,
    /** 已发布. */
    PUBLISHED,
    /** 已撤销. */
    RETIRED
}
