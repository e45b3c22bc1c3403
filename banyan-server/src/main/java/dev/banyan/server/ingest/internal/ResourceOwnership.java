package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.platform.NotFoundException;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Least privilege for machine clients (数据归属): an application touches only the resources its own department
 * provides — the {@code department} claim of its token against the resource's provider.
 */
final class ResourceOwnership {

    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final MessageSource messages;

    ResourceOwnership(Catalog catalog, DepartmentDirectory departments, MessageSource messages) {
        this.catalog = catalog;
        this.departments = departments;
        this.messages = messages;
    }

    /** Null when the client may, else the 403 problem to answer. */
    ProblemDetail refusal(String resourceCode, Principal principal) {
        Resource resource = catalog.findByCode(resourceCode)
                .orElseThrow(() -> new NotFoundException("ingest.error.noResource", resourceCode));
        String provider = departments.get(resource.providerId()).code();
        Object claimed = principal instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken jwt
                ? jwt.getToken().getClaims().get("department") : null;
        if (claimed != null && claimed.toString().equals(provider)) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(403), messages.getMessage(
                "ingest.error.otherDepartment", new Object[] {claimed == null ? "?" : claimed, resourceCode, provider},
                "This application may only touch data of its own department's resources", locale));
        problem.setType(URI.create("urn:banyan:problem:forbidden"));
        problem.setProperty("code", "ingest.error.otherDepartment");
        return problem;
    }
}
