package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.Role;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a department's file in the console (上传数据文件): a data liaison picks one of their department's resources
 * and a CSV, TSV, JSON, NDJSON or Excel file; it is streamed to a temporary file, landed and governed as one batch, and
 * the batch's page shows what became of every row.
 */
@Controller
@RequestMapping("/console/ingest/upload")
class IngestUploadConsole {

    /** Who may upload: not a developer, who only reads. */
    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON);

    private final IngestionService ingestion;
    private final Catalog catalog;
    private final IngestViewers viewers;

    IngestUploadConsole(IngestionService ingestion, Catalog catalog, IngestViewers viewers) {
        this.ingestion = ingestion;
        this.catalog = catalog;
        this.viewers = viewers;
    }

    @GetMapping
    String form(@RequestParam(required = false) String resource, Authentication user, Model model) {
        model.addAttribute("resources", resources(viewers.of(user, ROLES)));
        model.addAttribute("resource", resource);
        return "ingest/upload";
    }

    @PostMapping
    String upload(@RequestParam String resource, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String encoding, @RequestParam(required = false) String sheet,
                  Authentication user, Model model) throws IOException {
        IngestViewers.Viewer viewer = viewers.of(user, ROLES);
        viewer.requireSees(resource);
        model.addAttribute("resources", resources(viewer));
        model.addAttribute("resource", resource);
        String name = file.getOriginalFilename() == null ? "" : Path.of(file.getOriginalFilename()).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (file.isEmpty() || !SourceSpec.FILE_TYPES.contains(type)) {
            model.addAttribute("error", file.isEmpty() ? "ingest.upload.empty" : "ingest.upload.type");
            model.addAttribute("errorArgument", name);
            return "ingest/upload";
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (encoding != null && !encoding.isBlank()) {
            options.put("encoding", encoding.strip());
        }
        if (sheet != null && !sheet.isBlank()) {
            options.put("sheet", sheet.strip());
        }
        Path temp = Files.createTempFile("banyan-upload-", "." + type);
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            SourceSpec spec;
            try {
                spec = SourceSpec.parse(type, temp.toString(), options);
            } catch (SourceException e) {
                model.addAttribute("error", "ingest.upload.option");
                model.addAttribute("errorArgument", e.getMessage());
                return "ingest/upload";
            }
            IngestResult result = ingestion.ingest(resource, spec, "upload:" + name, user.getName(), n -> { });
            return "redirect:/console/ingest/batches/" + result.batch().id()
                    + (result.outcome() == IngestResult.Outcome.ALREADY_LANDED ? "?already" : "");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private List<Resource> resources(IngestViewers.Viewer viewer) {
        return (viewer.all() ? catalog.all().stream() : viewer.resources().stream().map(catalog::findByCode)
                .flatMap(Optional::stream)).filter(r -> !r.fields().isEmpty())
                .sorted(java.util.Comparator.comparing(Resource::code)).toList();
    }
}
