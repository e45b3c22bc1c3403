package dev.banyan.server.share;

import dev.banyan.server.catalog.ShareType;
import java.time.Instant;

/**
 * A published version of a data service (数据服务): its definition, the department that owns the data (and decides
 * on conditional applications), and the share type of the resource when it was published.
 */
public record DataService(long id, String code, int version, ServiceKind kind, String nameZh, String nameEn,
                          String resourceCode, long ownerDepartmentId, ShareType shareType, ServiceDefinition definition,
                          Status status, String createdBy, Instant createdAt) {

    /** A version is published (the current one), superseded by a newer version, or retired with the service. */
    public enum Status {
        PUBLISHED,
        SUPERSEDED,
        RETIRED
    }

    public String name(java.util.Locale locale) {
        return definition.name(locale);
    }
}
