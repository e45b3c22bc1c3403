package dev.banyan.server.catalog;

import java.time.Instant;

/**
 * One entry of the history of an authoritative-source assignment (权威来源变更记录).
 *
 * @param previousDepartmentId null when the element had no authority before
 */
public record DataAuthorityChange(String dataElement, SubjectType subjectType, Long previousDepartmentId,
                                  long departmentId, String changedBy, Instant changedAt, String reason) {
}
