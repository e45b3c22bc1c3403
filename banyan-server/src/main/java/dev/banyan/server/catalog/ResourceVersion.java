package dev.banyan.server.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a resource's history (版本记录): who did what, when, why, and which elements changed.
 *
 * @param version the resource's version after this change
 * @param action  created, updated, submitted, published, returned, retired or imported
 */
public record ResourceVersion(long resourceId, int version, String action, String actor, Instant at, String reason,
                              List<FieldDiff> changes) {
}
