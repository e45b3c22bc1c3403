package dev.banyan.server.catalog;

import java.time.Instant;

/**
 * One data, one source (一数一源): the department that is the authoritative source of a data element about
 * a subject type, e.g. the public-security bureau for a person's citizen identity number.
 *
 * @param assignedBy who assigned it (a username), and why
 */
public record DataAuthority(String dataElement, SubjectType subjectType, long departmentId, String assignedBy,
                            Instant assignedAt, String reason) {
}
