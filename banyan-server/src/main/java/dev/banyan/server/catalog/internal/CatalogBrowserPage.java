package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.CatalogHits;
import dev.banyan.server.catalog.CatalogQuery;
import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.UriComponentsBuilder;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog browser (目录浏览): full-text search with facets by department, domain, share type, open type, grade
 * and status; the workbook import; the exports for signed-in people (the API's need a machine client).
 */
@Controller
@RequestMapping("/console/catalog")
class CatalogBrowserPage {

    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final CatalogActors actors;
    private final CatalogImporter importer;
    private final CatalogExports exports;
    private final MessageSource messages;

    CatalogBrowserPage(Catalog catalog, DepartmentDirectory departments, CatalogActors actors, CatalogImporter importer,
                       CatalogExports exports, MessageSource messages) {
        this.messages = messages;
        this.catalog = catalog;
        this.departments = departments;
        this.actors = actors;
        this.importer = importer;
        this.exports = exports;
    }

    @GetMapping({"", "/resources"})
    String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
                  @RequestParam(required = false) DataDomain domain, @RequestParam(required = false) ShareType shareType,
                  @RequestParam(required = false) OpenType openType, @RequestParam(required = false) DataGrade grade,
                  @RequestParam(required = false) ResourceStatus status, Principal principal, Model model) {
        CatalogHits hits = catalog.search(new CatalogQuery(q, department, domain, shareType, openType, grade, status, 50));
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "q", q);
        put(filters, "department", department);
        put(filters, "domain", domain);
        put(filters, "shareType", shareType);
        put(filters, "openType", openType);
        put(filters, "grade", grade);
        put(filters, "status", status);
        model.addAttribute("q", q);
        model.addAttribute("filters", filters);
        model.addAttribute("hits", hits);
        Map<String, Department> byCode = departments.all().stream().collect(Collectors.toMap(Department::code, d -> d));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        hits.facets().forEach((dim, values) -> facets.put(dim, values.entrySet().stream().map(v -> {
            String key = CatalogLabels.facetKey(dim, v.getKey());
            String label = key != null ? messages.getMessage(key, null, v.getKey(), locale)
                    : byCode.containsKey(v.getKey()) ? byCode.get(v.getKey()).name(locale) : v.getKey();
            Map<String, String> next = new LinkedHashMap<>(filters);
            boolean selected = v.getKey().equals(filters.get(dim));
            if (selected) {
                next.remove(dim);
            } else {
                next.put(dim, v.getKey());
            }
            var href = UriComponentsBuilder.fromPath("/console/catalog/resources");
            next.forEach(href::queryParam);
            return new FacetValue(label, v.getValue(), href.encode().build().toUriString(), selected);
        }).toList()));
        model.addAttribute("facets", facets);
        model.addAttribute("resources", hits.hits().stream()
                .collect(Collectors.toMap(CatalogHits.Hit::resourceId, h -> catalog.get(h.resourceId()), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("departmentsById", departments.byId());
        CatalogActor actor = actors.of(principal);
        model.addAttribute("actor", actor);
        model.addAttribute("canDraft", CatalogConsole.canDraft(actor));
        model.addAttribute("importDepartments", CatalogConsole.draftableDepartments(actor, departments));
        return "catalog/browse";
    }

    /** One value of a facet with its count and the link that adds (or, when selected, removes) it as a filter. */
    record FacetValue(String label, int count, String href, boolean selected) {
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            m.put(key, value.toString());
        }
    }

    @PostMapping("/import")
    String importWorkbook(@RequestParam("file") MultipartFile file, @RequestParam long providerId, Principal principal,
                          Model model) throws IOException {
        ImportReport report = importer.importWorkbook(actors.of(principal), providerId, file.getInputStream());
        model.addAttribute("report", report);
        return browse(null, null, null, null, null, null, null, principal, model);
    }

    @GetMapping("/template.xlsx")
    @ResponseBody
    ResponseEntity<byte[]> template() {
        return CatalogFilesApi.file(importer.template(), CatalogFilesApi.XLSX, "catalog-template.xlsx");
    }

    @GetMapping("/export.xlsx")
    @ResponseBody
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String department) {
        return CatalogFilesApi.file(exports.workbook(department), CatalogFilesApi.XLSX, "catalog.xlsx");
    }

    @GetMapping("/export.ttl")
    @ResponseBody
    ResponseEntity<String> turtle(@RequestParam(required = false) String department) {
        return ResponseEntity.ok().contentType(CatalogFilesApi.TURTLE).body(exports.dcat(department).turtle());
    }

    @GetMapping("/export.jsonld")
    @ResponseBody
    ResponseEntity<String> jsonLd(@RequestParam(required = false) String department) {
        return ResponseEntity.ok().contentType(CatalogFilesApi.JSON_LD).body(exports.dcat(department).jsonLd());
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Object json(@RequestParam(required = false) String department) {
        return exports.published(department);
    }
}
