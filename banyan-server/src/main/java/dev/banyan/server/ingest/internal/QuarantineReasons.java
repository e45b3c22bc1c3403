package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QuarantineProblem;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The readable reason of a quarantine problem (隔离原因) in the reader's language: the message
 * {@code quarantine.reason.<code>} of its problem code, or — for a code without one — a generic reason followed by
 * the rule's English detail.
 */
@Component
class QuarantineReasons {

    static final String PREFIX = "quarantine.reason.";

    private final MessageSource messages;

    QuarantineReasons(MessageSource messages) {
        this.messages = messages;
    }

    String reason(QuarantineProblem p, Locale locale) {
        String known = p.code() == null ? null : messages.getMessage(PREFIX + p.code(), null, null, locale);
        if (known != null) {
            return known;
        }
        return messages.getMessage(PREFIX + "unknown", new Object[] {p.detail() == null ? "" : p.detail()},
                "Does not pass the rule: " + p.detail(), locale);
    }
}
