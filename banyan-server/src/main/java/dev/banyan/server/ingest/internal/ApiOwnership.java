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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Least privilege for the quarantine and quality API (部门数据归属): an application reads and works only the
 * resources its own department provides — the token's {@code department} claim against the resource's provider in
 * the catalog.
 */
@Component
class ApiOwnership {

    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final MessageSource messages;

    ApiOwnership(Catalog catalog, DepartmentDirectory departments, MessageSource messages) {
        this.catalog = catalog;
        this.departments = departments;
        this.messages = messages;
    }

    /**
     * Null when the application may touch the resource, else the 403 problem to answer.
     *
     * @throws NotFoundException if there is no such resource
     */
    ProblemDetail refusal(String code, Principal principal) {
        Resource resource = catalog.findByCode(code).orElseThrow(() -> new NotFoundException("ingest.error.noResource", code));
        String provider = departments.get(resource.providerId()).code();
        Object claimed = principal instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaims().get("department") : null;
        if (claimed != null && claimed.toString().equals(provider)) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(403), messages.getMessage(
                "ingest.error.otherDepartmentData", new Object[] {claimed == null ? "?" : claimed, code, provider},
                "This application may only use data of its own department's resources", locale));
        problem.setType(URI.create("urn:banyan:problem:forbidden"));
        problem.setProperty("code", "ingest.error.otherDepartmentData");
        return problem;
    }
}
