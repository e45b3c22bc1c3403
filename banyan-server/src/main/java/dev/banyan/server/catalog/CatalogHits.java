package dev.banyan.server.catalog;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link CatalogQuery}: matching resources, best first, and the facet counts (分面统计) of all
 * matches by department code, domain, share type, open type, grade and status.
 */
public record CatalogHits(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

    /** One matching resource and its relevance score. */
    public record Hit(long resourceId, String code, String nameZh, String nameEn, float score) {
    }
}
