package dev.banyan.server.identity;

import java.util.Set;

/** The OAuth2 scopes that machine clients may be granted, and the audience of Banyan's API tokens. */
public final class ApiScopes {

    /** The {@code aud} claim of every access token Banyan issues for its own APIs. */
    public static final String AUDIENCE = "banyan-api";

    /** Read the directory of departments. */
    public static final String DIRECTORY_READ = "directory.read";

    /** Every scope a client may ask for today; later modules add theirs. */
    public static final Set<String> ALL = Set.of(DIRECTORY_READ);

    private ApiScopes() {
    }
}
