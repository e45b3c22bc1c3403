package dev.banyan.server.catalog;

/**
 * A full-text catalog search (目录检索) in Chinese or English with optional facet filters; null means any.
 *
 * @param department provider department code
 * @param limit      how many hits to return, 1–200
 */
public record CatalogQuery(String text, String department, DataDomain domain, ShareType shareType, OpenType openType,
                           DataGrade grade, ResourceStatus status, int limit) {

    public static CatalogQuery text(String text) {
        return new CatalogQuery(text, null, null, null, null, null, null, 20);
    }

    public CatalogQuery {
        limit = Math.max(1, Math.min(limit <= 0 ? 20 : limit, 200));
    }
}
