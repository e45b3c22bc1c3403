package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.web.NavigationItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's data quality page (数据质量): per department — the viewer's own, or every department for the platform
 * administrator — each resource's latest quality score with its five dimensions, its open quarantine and the trend of
 * its batch scores; the department's score is the mean of its resources' latest scores, with its own trend.
 */
@Controller
@RequestMapping("/console/ingest/quality")
class QualityConsole {

    private final QualityHistory history;
    private final IngestionService ingestion;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final IngestViewers viewers;

    QualityConsole(QualityHistory history, IngestionService ingestion, Catalog catalog, DepartmentDirectory departments,
                   IngestViewers viewers) {
        this.history = history;
        this.ingestion = ingestion;
        this.catalog = catalog;
        this.departments = departments;
        this.viewers = viewers;
    }

    @Bean
    static NavigationItem qualityNavigation() {
        return new NavigationItem("/console/ingest/quality", "ingest.quality.nav", "ingest.quality.nav.description", 210,
                IngestConsole.ROLES.stream().map(Enum::name).collect(Collectors.toSet()));
    }

    /** A resource's line: its latest quality (null if never governed) and its open quarantined rows. */
    record ResourceLine(Resource resource, QualityHistory.ResourceQuality quality, long open) {
    }

    /** A department's block: its score (mean of its resources' latest scores), trend and resources. */
    record DepartmentQuality(Department department, Double score, List<QualityHistory.Point> trend,
                             List<ResourceLine> resources, long open) {

        /** The department's trend drawn as a line. */
        public Sparkline sparkline() {
            return Sparkline.of(trend);
        }
    }

    @GetMapping
    String quality(Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewers.of(user, IngestConsole.ROLES);
        Map<String, Long> open = ingestion.openQuarantineByResource();
        List<Resource> resources;
        if (viewer.all()) {
            resources = catalog.all();
        } else if (viewer.department() != null) {
            resources = catalog.ofProvider(viewer.department().id());
        } else {
            resources = List.of();
        }
        Map<String, QualityHistory.ResourceQuality> quality = history.of(resources.stream().map(Resource::code).toList());
        Map<Long, List<ResourceLine>> byDepartment = new LinkedHashMap<>();
        for (Resource r : resources) {
            QualityHistory.ResourceQuality q = quality.get(r.code());
            long o = open.getOrDefault(r.code(), 0L);
            // the administrator's overview leaves out resources that never had a governed batch
            if (viewer.all() && q == null && o == 0) {
                continue;
            }
            byDepartment.computeIfAbsent(r.providerId(), d -> new ArrayList<>()).add(new ResourceLine(r, q, o));
        }
        Map<Long, Department> known = departments.byId();
        List<DepartmentQuality> blocks = new ArrayList<>();
        for (var e : byDepartment.entrySet()) {
            Department d = known.get(e.getKey());
            if (d == null) {
                continue;
            }
            List<ResourceLine> lines = new ArrayList<>(e.getValue());
            lines.sort(Comparator.comparing((ResourceLine l) -> l.quality() == null ? Double.MAX_VALUE : l.quality().latest().score())
                    .thenComparing(l -> l.resource().code()));
            List<QualityHistory.ResourceQuality> scored = lines.stream().map(ResourceLine::quality)
                    .filter(java.util.Objects::nonNull).toList();
            blocks.add(new DepartmentQuality(d, QualityHistory.mean(scored), QualityHistory.meanTrend(scored), lines,
                    lines.stream().mapToLong(ResourceLine::open).sum()));
        }
        blocks.sort(Comparator.comparing((DepartmentQuality b) -> b.department().code()));
        model.addAttribute("departments", blocks);
        model.addAttribute("viewerDepartment", viewer.department());
        model.addAttribute("all", viewer.all());
        return "ingest/quality";
    }
}
