package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogHits;
import dev.banyan.server.catalog.CatalogQuery;
import dev.banyan.server.catalog.DataAuthorities;
import dev.banyan.server.catalog.DataAuthority;
import dev.banyan.server.catalog.DataAuthorityChange;
import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.DemandAnswer;
import dev.banyan.server.catalog.DemandList;
import dev.banyan.server.catalog.DemandMetrics;
import dev.banyan.server.catalog.DemandRequest;
import dev.banyan.server.catalog.NewDemand;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.catalog.ResourceVersion;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.SubjectType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog's machine API. Reading needs the scope {@code catalog.read}; writing needs {@code catalog.write},
 * and the client then acts as a data liaison of its own department: it drafts and edits its department's drafts,
 * files and answers demand requests. With {@code catalog.submit} it also submits and retires as the department's
 * chief data officer, with {@code catalog.review} it publishes and returns as the platform administrator; only a
 * person holding that role can give an application the scope. Authority changes stay in the console.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "Government data resource catalog (政务数据资源目录)")
@SecurityRequirement(name = "oauth2")
class CatalogApi {

    private final Catalog catalog;
    private final DataElements elements;
    private final DataAuthorities authorities;
    private final DemandList demands;
    private final CatalogActors actors;

    CatalogApi(Catalog catalog, DataElements elements, DataAuthorities authorities, DemandList demands, CatalogActors actors) {
        this.catalog = catalog;
        this.elements = elements;
        this.authorities = authorities;
        this.demands = demands;
        this.actors = actors;
    }

    @GetMapping("/resources")
    @Operation(summary = "Search resources in Chinese or English, with facet counts; published ones unless a status is given")
    CatalogHits search(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
                       @RequestParam(required = false) DataDomain domain, @RequestParam(required = false) ShareType shareType,
                       @RequestParam(required = false) OpenType openType, @RequestParam(required = false) DataGrade grade,
                       @RequestParam(required = false) ResourceStatus status, @RequestParam(defaultValue = "20") int limit) {
        return catalog.search(new CatalogQuery(q, department, domain, shareType, openType, grade,
                status == null ? ResourceStatus.PUBLISHED : status, limit));
    }

    @GetMapping("/resources/{code}")
    @Operation(summary = "One resource with its fields")
    Resource resource(@PathVariable String code) {
        return catalog.getByCode(code);
    }

    @GetMapping("/resources/{code}/versions")
    @Operation(summary = "Every change of a resource, newest first, with field-level differences")
    List<ResourceVersion> versions(@PathVariable String code) {
        return catalog.versions(catalog.getByCode(code).id());
    }

    @GetMapping("/resources/{code}/demands")
    @Operation(summary = "Who asked for the resource or was answered with it (its users, until sharing grants exist)")
    List<DemandRequest> resourceDemands(@PathVariable String code) {
        return demands.aboutResource(catalog.getByCode(code).id());
    }

    @PostMapping("/resources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a draft resource of the client's department (the provider defaults to it)")
    Resource draft(@AuthenticationPrincipal Jwt token, @RequestBody ResourceDraft draft) {
        var actor = actors.of(token);
        ResourceDraft d = draft.providerId() != null || actor.departmentId() == null ? draft
                : new ResourceDraft(draft.code(), draft.nameZh(), draft.nameEn(), actor.departmentId(), draft.summary(),
                        draft.domain(), draft.format(), draft.updateCycle(), draft.sourceSystem(), draft.releaseDate(),
                        draft.shareType(), draft.shareConditions(), draft.shareLegalBasis(), draft.openType(), draft.grade(),
                        draft.fields());
        return catalog.draft(actor, d);
    }

    @PutMapping("/resources/{code}")
    @Operation(summary = "Change a draft of the client's department")
    Resource update(@AuthenticationPrincipal Jwt token, @PathVariable String code, @RequestBody ResourceDraft draft,
                    @Parameter(description = "why it changed") @RequestParam(required = false) String reason) {
        return catalog.update(actors.of(token), catalog.getByCode(code).id(), draft, reason);
    }

    @PostMapping("/resources/{code}/submit")
    @Operation(summary = "Submit a draft of the client's department for review (scope catalog.submit: its chief data officer)")
    Resource submit(@AuthenticationPrincipal Jwt token, @PathVariable String code) {
        return catalog.submit(actors.of(token), catalog.getByCode(code).id());
    }

    @PostMapping("/resources/{code}/publish")
    @Operation(summary = "Publish a submitted resource (scope catalog.review: the platform administrator)")
    Resource publish(@AuthenticationPrincipal Jwt token, @PathVariable String code,
                     @Parameter(description = "review comment") @RequestParam(required = false) String comment) {
        return catalog.publish(actors.of(token), catalog.getByCode(code).id(), comment);
    }

    @PostMapping("/resources/{code}/return")
    @Operation(summary = "Return a submitted resource to its department with comments (scope catalog.review)")
    Resource returnForRevision(@AuthenticationPrincipal Jwt token, @PathVariable String code,
                               @Parameter(description = "what to change") @RequestParam String comment) {
        return catalog.returnForRevision(actors.of(token), catalog.getByCode(code).id(), comment);
    }

    @PostMapping("/resources/{code}/retire")
    @Operation(summary = "Retire a published resource; its history stays (scope catalog.submit for the own department, or catalog.review)")
    Resource retire(@AuthenticationPrincipal Jwt token, @PathVariable String code,
                    @Parameter(description = "why it is retired") @RequestParam String reason) {
        return catalog.retire(actors.of(token), catalog.getByCode(code).id(), reason);
    }

    @GetMapping("/data-elements")
    @Operation(summary = "The library of data elements (数据元)")
    List<DataElement> dataElements() {
        return elements.all();
    }

    @GetMapping("/data-elements/{code}")
    @Operation(summary = "One data element")
    DataElement dataElement(@PathVariable String code) {
        return elements.get(code);
    }

    @GetMapping("/authorities")
    @Operation(summary = "One data, one source: the authoritative department of each data element")
    List<DataAuthority> authorities() {
        return authorities.all();
    }

    @GetMapping("/authorities/{dataElement}/{subjectType}/history")
    @Operation(summary = "How the authority of a data element changed")
    List<DataAuthorityChange> authorityHistory(@PathVariable String dataElement, @PathVariable SubjectType subjectType) {
        return authorities.history(dataElement, subjectType);
    }

    @GetMapping("/demands")
    @Operation(summary = "The demand list, newest first")
    List<DemandRequest> demands() {
        return demands.all();
    }

    @GetMapping("/demands/metrics")
    @Operation(summary = "Answer figures per answering department")
    List<DemandMetrics> demandMetrics() {
        return demands.metrics();
    }

    @PostMapping("/demands")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a request for data on behalf of the client's department; due in one working day")
    DemandRequest file(@AuthenticationPrincipal Jwt token, @RequestBody NewDemand demand) {
        return demands.file(actors.of(token), demand);
    }

    @PostMapping("/demands/{id}/answer")
    @Operation(summary = "Answer a request to the client's department")
    DemandRequest answer(@AuthenticationPrincipal Jwt token, @PathVariable long id, @RequestBody DemandAnswer answer) {
        return demands.answer(actors.of(token), id, answer);
    }
}
