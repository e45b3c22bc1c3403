package dev.banyan.server.catalog;

import java.time.LocalDate;

/**
 * An answer to a demand request (需求答复); validated by {@link DemandList#answer}.
 *
 * @param resourceId the existing resource, for {@link DemandAnswerKind#USE_EXISTING}
 * @param publishBy  the promised date, for {@link DemandAnswerKind#WILL_PUBLISH}
 * @param reason     the legal reason, required for {@link DemandAnswerKind#REFUSED}
 */
public record DemandAnswer(DemandAnswerKind kind, Long resourceId, LocalDate publishBy, String reason) {
}
