package dev.banyan.server.identity;

import java.util.Set;

/** The OAuth2 scopes that machine clients may be granted, and the audience of Banyan's API tokens. */
public final class ApiScopes {

    /** The {@code aud} claim of every access token Banyan issues for its own APIs. */
    public static final String AUDIENCE = "banyan-api";

    /** Read the directory of departments. */
    public static final String DIRECTORY_READ = "directory.read";

    /** Read and search the data resource catalog, its data elements, authorities and demand list. */
    public static final String CATALOG_READ = "catalog.read";

    /** Draft catalog resources and file or answer demand requests, as a data liaison of the client's department. */
    public static final String CATALOG_WRITE = "catalog.write";

    /** Every scope a client may ask for today; later modules add theirs. */
    public static final Set<String> ALL = Set.of(DIRECTORY_READ, CATALOG_READ, CATALOG_WRITE);

    private ApiScopes() {
    }
}
