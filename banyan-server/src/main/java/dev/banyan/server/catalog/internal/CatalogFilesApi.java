package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Resource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import and export of the catalog: Excel workbooks, JSON and DCAT-AP 3 (Turtle, JSON-LD). */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "Government data resource catalog (政务数据资源目录)")
@SecurityRequirement(name = "oauth2")
class CatalogFilesApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType TURTLE = MediaType.parseMediaType("text/turtle;charset=UTF-8");
    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json;charset=UTF-8");

    private final CatalogExports exports;
    private final CatalogImporter importer;
    private final CatalogActors actors;

    CatalogFilesApi(CatalogExports exports, CatalogImporter importer, CatalogActors actors) {
        this.exports = exports;
        this.importer = importer;
        this.actors = actors;
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Published resources with their fields, optionally of one department")
    List<Resource> json(@RequestParam(required = false) String department) {
        return exports.published(department);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "Published resources as a workbook in the import template's layout")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String department) {
        return file(exports.workbook(department), XLSX, "catalog.xlsx");
    }

    @GetMapping("/export.ttl")
    @Operation(summary = "Published resources as DCAT-AP 3 in Turtle")
    ResponseEntity<String> turtle(@RequestParam(required = false) String department) {
        return ResponseEntity.ok().contentType(TURTLE).body(exports.dcat(department).turtle());
    }

    @GetMapping("/export.jsonld")
    @Operation(summary = "Published resources as DCAT-AP 3 in JSON-LD")
    ResponseEntity<String> jsonLd(@RequestParam(required = false) String department) {
        return ResponseEntity.ok().contentType(JSON_LD).body(exports.dcat(department).jsonLd());
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The empty import workbook with the allowed values")
    ResponseEntity<byte[]> template() {
        return file(importer.template(), XLSX, "catalog-template.xlsx");
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Draft every resource of a workbook for the client's department, all or nothing; 422 with every bad cell")
    ResponseEntity<ImportReport> importWorkbook(@AuthenticationPrincipal Jwt token, @RequestPart("file") MultipartFile file)
            throws IOException {
        var actor = actors.of(token);
        if (actor.departmentId() == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        ImportReport report = importer.importWorkbook(actor, actor.departmentId(), file.getInputStream());
        return ResponseEntity.status(report.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }
}
