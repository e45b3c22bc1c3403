package dev.banyan.server.audit;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something that happened and must be kept as evidence (存证事项): a catalog change, an approval, a grant, a
 * sharing call, an ingest batch, a linkage decision. The log keeps the type, the actor, the subject and the time
 * in the entry itself, and a SHA-256 digest of the payload's canonical JSON (RFC 8785), so that whoever holds the
 * payload can prove it is the one that was logged; the payload is kept beside the log for the console.
 *
 * @param type    what happened, dotted lower-case, e.g. {@code catalog.resource.published}
 * @param actor   who did it, e.g. {@code user:cdo.civil-affairs} or {@code client:3f2a…}
 * @param subject what it happened to, e.g. {@code resource:FJ-C01-0001}
 * @param payload the details: strings, integers, booleans, lists and maps only
 */
public record Evidence(String type, String actor, String subject, Map<String, ?> payload) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

    public Evidence {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("evidence type must be dotted lower-case words, e.g. catalog.resource.published: " + type);
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("evidence of " + type + " needs an actor, e.g. user:admin");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("evidence of " + type + " needs a subject, e.g. resource:CODE");
        }
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static Evidence of(String type, String actor, String subject, Map<String, ?> payload) {
        return new Evidence(type, actor, subject, payload);
    }
}
