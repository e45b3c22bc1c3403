package dev.banyan.server.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request on the demand list (需求清单): what a department needs, why, on which legal basis, and the
 * owner's answer, due within one working day.
 *
 * @param ownerId  the department that must answer, or null when the platform answers
 * @param deadline end of the first working day after filing (Chinese holidays and adjusted days counted)
 */
public record DemandRequest(long id, long requesterId, Long ownerId, Long resourceId, String title, String purpose,
                            String legalBasis, String filedBy, Instant filedAt, Instant deadline,
                            DemandAnswerKind answer, Long answerResourceId, LocalDate answerPublishBy,
                            String answerReason, String answeredBy, Instant answeredAt) {

    public boolean isOpen() {
        return answer == null;
    }

    /** Open past its deadline, or answered late. */
    public boolean isOverdue(Instant now) {
        return isOpen() ? now.isAfter(deadline) : answeredAt.isAfter(deadline);
    }
}
