package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.MappingSuggestion;
import dev.banyan.server.ingest.NewIngestJob;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's ingest jobs (采集任务): the jobs of the resources a person may see, with their schedule, last run and
 * live progress; a job with its confirmed mapping and runs; and a new job — source, suggested mapping confirmed field
 * by field, schedule. Runs started here go on in the background; the page follows their progress.
 */
@Controller
@RequestMapping("/console/ingest/jobs")
class IngestJobConsole {

    private final IngestJobService jobs;
    private final RunningJobs running;
    private final Catalog catalog;
    private final IngestViewers viewers;

    IngestJobConsole(IngestJobService jobs, RunningJobs running, Catalog catalog, IngestViewers viewers) {
        this.jobs = jobs;
        this.running = running;
        this.catalog = catalog;
        this.viewers = viewers;
    }

    @org.springframework.context.annotation.Bean
    static dev.banyan.server.web.NavigationItem ingestJobsNavigation() {
        return new dev.banyan.server.web.NavigationItem("/console/ingest/jobs", "ingest.jobs.nav",
                "ingest.jobs.nav.description", 205, IngestConsole.ROLES.stream().map(r -> r.name())
                .collect(java.util.stream.Collectors.toSet()));
    }

    private IngestViewers.Viewer viewer(Authentication user) {
        return viewers.of(user, IngestConsole.ROLES);
    }

    /** Whether the person may create and run jobs: not a developer, who only reads. */
    private static boolean mayManage(Authentication user) {
        return user.getAuthorities().stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(dev.banyan.server.identity.Role.PLATFORM_ADMIN.authority())
                        || a.equals(dev.banyan.server.identity.Role.CHIEF_DATA_OFFICER.authority())
                        || a.equals(dev.banyan.server.identity.Role.DATA_LIAISON.authority()));
    }

    /** A job with what the list shows of it. */
    record JobRow(IngestJob job, Resource resource, IngestBatch lastRun, RunningJobs.Run running) {
    }

    @GetMapping
    String list(Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewer(user);
        Map<Long, RunningJobs.Run> now = new LinkedHashMap<>();
        running.all().forEach(r -> now.put(r.jobId(), r));
        List<JobRow> rows = jobs.list().stream().filter(j -> viewer.maySee(j.resourceCode()))
                .map(j -> new JobRow(j, catalog.findByCode(j.resourceCode()).orElse(null),
                        jobs.runs(j.id(), 1).stream().findFirst().orElse(null), now.get(j.id())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("manage", mayManage(user));
        model.addAttribute("resources", visibleResources(viewer));
        model.addAttribute("anyRunning", !now.isEmpty());
        return "ingest/jobs";
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, Authentication user, Model model) {
        IngestJob job = visible(id, viewer(user));
        model.addAttribute("job", job);
        Resource resource = catalog.findByCode(job.resourceCode()).orElse(null);
        model.addAttribute("resource", resource);
        // In the catalog's field order (the stored mapping has none).
        Map<String, String> mapping = new LinkedHashMap<>();
        if (resource != null) {
            resource.fields().forEach(f -> {
                if (job.fieldMapping().containsKey(f.name())) {
                    mapping.put(f.name(), job.fieldMapping().get(f.name()));
                }
            });
        }
        job.fieldMapping().forEach(mapping::putIfAbsent);
        model.addAttribute("mapping", mapping);
        model.addAttribute("runs", jobs.runs(id, 50));
        model.addAttribute("running", running.all().stream().filter(r -> r.jobId() == id).findFirst().orElse(null));
        model.addAttribute("manage", mayManage(user));
        return "ingest/job";
    }

    @PostMapping("/{id}/run")
    String run(@PathVariable long id, Authentication user) {
        IngestJob job = visible(id, viewer(user));
        requireManage(user);
        if (!running.isRunning(id)) {
            String by = user.getName();
            // The run holds a transaction for the whole source; the page polls its progress meanwhile.
            Thread.ofVirtual().name("ingest-job-" + id).start(() -> jobs.run(job.id(), by, n -> { }));
        }
        return "redirect:/console/ingest/jobs/" + id;
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean value, Authentication user) {
        visible(id, viewer(user));
        requireManage(user);
        jobs.setEnabled(id, value, user.getName());
        return "redirect:/console/ingest/jobs/" + id;
    }

    @GetMapping("/new")
    String newJob(@RequestParam(required = false) String resource, Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewer(user);
        requireManage(user);
        model.addAttribute("resources", visibleResources(viewer));
        model.addAttribute("form", new JobForm(null, resource, "csv", null, null, null));
        return "ingest/job-new";
    }

    /** The new-job form as posted. */
    record JobForm(String name, String resourceCode, String sourceType, String sourceLocation, String options,
                   String schedule) {

        Map<String, String> optionMap() {
            Map<String, String> m = new LinkedHashMap<>();
            if (options != null) {
                for (String line : options.split("\\R")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                    }
                }
            }
            return m;
        }
    }

    @PostMapping("/new")
    String suggestOrCreate(JobForm form, @RequestParam Map<String, String> params, Authentication user, Model model) {
        IngestViewers.Viewer viewer = viewer(user);
        requireManage(user);
        model.addAttribute("resources", visibleResources(viewer));
        model.addAttribute("form", form);
        if (form.resourceCode() == null || !viewer.maySee(form.resourceCode())) {
            model.addAttribute("error", "ingest.job.form.chooseResource");
            return "ingest/job-new";
        }
        MappingSuggestion suggestion;
        try {
            suggestion = jobs.suggestMapping(form.resourceCode(), form.sourceType(), form.sourceLocation(), form.optionMap());
        } catch (SourceException | NotFoundException e) {
            model.addAttribute("sourceError", e.getMessage());
            return "ingest/job-new";
        }
        model.addAttribute("suggestion", suggestion);
        if (!params.containsKey("create")) {
            return "ingest/job-new";
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (MappingSuggestion.SuggestedField f : suggestion.fields()) {
            String column = params.get("map." + f.field());
            if (column != null && !column.isBlank()) {
                mapping.put(f.field(), column);
            }
        }
        try {
            IngestJob job = jobs.create(new NewIngestJob(form.name(), form.resourceCode(), form.sourceType(),
                    form.sourceLocation(), form.optionMap(), mapping, form.schedule()), user.getName());
            return "redirect:/console/ingest/jobs/" + job.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("chosen", mapping);
            return "ingest/job-new";
        }
    }

    private List<Resource> visibleResources(IngestViewers.Viewer viewer) {
        return (viewer.resources() == null ? catalog.all().stream() : viewer.resources().stream()
                .map(catalog::findByCode).flatMap(Optional::stream)).filter(r -> !r.fields().isEmpty())
                .sorted(java.util.Comparator.comparing(Resource::code)).toList();
    }

    private IngestJob visible(long id, IngestViewers.Viewer viewer) {
        IngestJob job = jobs.find(id).orElseThrow(() -> new NotFoundException("ingest.job.error.noJob", id));
        if (!viewer.maySee(job.resourceCode())) {
            throw new AccessDeniedException("job " + id + " is of another department's resource");
        }
        return job;
    }

    private static void requireManage(Authentication user) {
        if (!mayManage(user)) {
            throw new AccessDeniedException("only the administrator, chief data officers and liaisons manage ingest jobs");
        }
    }
}
