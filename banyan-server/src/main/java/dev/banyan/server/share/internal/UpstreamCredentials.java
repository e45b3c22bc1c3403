package dev.banyan.server.share.internal;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city's credentials at the upstream platforms (上级平台凭据): header values written with {@code ${env:NAME}}
 * placeholders, filled from the server's environment (or, for the demo and tests, a JVM system property of the same
 * name) at the moment of each call — so a key never sits in a service definition, the database, a log or a page,
 * and rotating it needs no new service version.
 */
final class UpstreamCredentials {

    /** A well-formed placeholder; the name follows the rules of environment variables. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final UnaryOperator<String> environment;

    UpstreamCredentials(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Reads the process environment first, then JVM system properties. */
    static UpstreamCredentials fromEnvironment() {
        return new UpstreamCredentials(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    /**
     * The header value with every placeholder filled.
     *
     * @throws Missing naming the first variable that is not set (its name only)
     */
    String fill(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String v = environment.apply(m.group(1));
            if (v == null || v.isEmpty()) {
                throw new Missing(m.group(1));
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(v));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** A placeholder names a variable that the environment does not set. */
    static final class Missing extends RuntimeException {

        Missing(String variable) {
            super("environment variable " + variable + " is not set", null, false, false);
        }
    }
}
