package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OpenAPI 3.1 description of a published data service ({@link ServiceOpenApi}): for any machine client with a
 * bearer token at {@code /api/v1/service-docs/{code}} — not under the gateway's path, so that reading a description is
 * not a call of the service — and for a signed-in person at {@code /console/share/services/{code}/openapi.json}.
 */
@RestController
class ServiceDocs {

    static final String API_PATH = "/api/v1/service-docs/";

    private final DataServices services;
    private final Catalog catalog;
    private final StandardZone zone;
    private final DepartmentDirectory departments;
    private final DataElements elements;
    private final MessageSource messages;

    ServiceDocs(DataServices services, Catalog catalog, StandardZone zone, DepartmentDirectory departments,
                DataElements elements, MessageSource messages) {
        this.elements = elements;
        this.services = services;
        this.catalog = catalog;
        this.zone = zone;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping({API_PATH + "{code}", "/console/share/services/{code}/openapi.json"})
    ResponseEntity<Object> describe(@PathVariable String code, Locale locale) {
        DataService service = services.current(code).orElse(null);
        if (service == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    messages.getMessage("share.error.service.notFound", new Object[] {code}, locale));
            problem.setType(URI.create("urn:banyan:problem:not-found"));
            problem.setProperty("code", "share.error.service.notFound");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Resource resource = service.resourceCode() == null ? null : catalog.findByCode(service.resourceCode()).orElse(null);
        StandardTableLayout layout = service.resourceCode() == null ? null : zone.layout(service.resourceCode()).orElse(null);
        String owner = departments.find(service.ownerDepartmentId()).map(d -> d.name(locale)).orElse("—");
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new ServiceOpenApi(messages, locale, elements::find).describe(service, resource, layout, owner, base));
    }
}
