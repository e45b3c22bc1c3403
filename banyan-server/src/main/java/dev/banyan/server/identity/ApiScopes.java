package dev.banyan.server.identity;

import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth2 scopes that machine clients may be granted (权限范围), who may grant each, and the audience of
 * Banyan's API tokens. An application never gets more power than the person who registers it holds.
 */
public final class ApiScopes {

    /** The {@code aud} claim of every access token Banyan issues for its own APIs. */
    public static final String AUDIENCE = "banyan-api";

    /** Read the directory of departments. */
    public static final String DIRECTORY_READ = "directory.read";

    /** Read and search the data resource catalog, its data elements, authorities and demand list. */
    public static final String CATALOG_READ = "catalog.read";

    /** Draft catalog resources and file or answer demand requests, as a data liaison of the client's department. */
    public static final String CATALOG_WRITE = "catalog.write";

    /** Submit the department's drafts for review and retire its resources, as its chief data officer. */
    public static final String CATALOG_SUBMIT = "catalog.submit";

    /** Publish submitted resources or return them with comments, as the platform administrator. */
    public static final String CATALOG_REVIEW = "catalog.review";

    /** Read the evidence log — entries, proofs, receipts — and ask for a checkpoint now; the administrator grants it. */
    public static final String AUDIT_READ = "audit.read";

    /** Upload files as ingest batches of the department's catalog resources (RAW zone). */
    public static final String INGEST_WRITE = "ingest.write";

    /** Read ingest batches: counts, fingerprints, problems. */
    public static final String INGEST_READ = "ingest.read";

    /** Every scope a client may ask for today; later modules add theirs. */
    public static final Set<String> ALL = Set.of(DIRECTORY_READ, CATALOG_READ, CATALOG_WRITE, CATALOG_SUBMIT, CATALOG_REVIEW,
            AUDIT_READ, INGEST_WRITE, INGEST_READ);

    private ApiScopes() {
    }

    /**
     * The scopes that a person with these roles may give to an application: reading to every department role,
     * drafting and ingesting to the department's staff, submitting to its chief data officer, reviewing to the administrator.
     */
    public static Set<String> grantableBy(Set<Role> roles) {
        if (roles.contains(Role.PLATFORM_ADMIN)) {
            return new TreeSet<>(ALL);
        }
        Set<String> scopes = new TreeSet<>();
        if (roles.contains(Role.CHIEF_DATA_OFFICER) || roles.contains(Role.DATA_LIAISON)
                || roles.contains(Role.DEPARTMENT_DEVELOPER)) {
            scopes.add(DIRECTORY_READ);
            scopes.add(CATALOG_READ);
            scopes.add(CATALOG_WRITE);
            scopes.add(INGEST_WRITE);
            scopes.add(INGEST_READ);
        }
        if (roles.contains(Role.CHIEF_DATA_OFFICER)) {
            scopes.add(CATALOG_SUBMIT);
        }
        return scopes;
    }
}
