package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.web.NavigationItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Batch verification in the console (批量核验): a department's staff upload a CSV of subjects for a verification
 * service their department holds a live grant for, follow the batches and download the results; the administrator
 * sees every department's batches.
 */
@Controller
@RequestMapping("/console/share/verifications")
class VerificationConsole {

    private final VerificationBatches batches;
    private final DataServices services;
    private final Grants grants;
    private final UserAccounts accounts;
    private final Clock clock;

    VerificationConsole(VerificationBatches batches, DataServices services, Grants grants, UserAccounts accounts,
                        Clock clock) {
        this.batches = batches;
        this.services = services;
        this.grants = grants;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Bean
    static NavigationItem verificationNavigation() {
        return new NavigationItem("/console/share/verifications", "share.verification.nav",
                "share.verification.nav.description", 440, Set.of());
    }

    @GetMapping
    String list(Authentication user, Model model) {
        UserAccount me = me(user);
        boolean admin = me.has(Role.PLATFORM_ADMIN);
        List<VerificationBatch> rows = admin ? batches.recent(null, 200)
                : me.departmentId() == null ? List.of() : batches.recent(me.departmentId(), 200);
        Map<String, DataService> byCode = services.published().stream()
                .filter(s -> s.kind() == ServiceKind.VERIFICATION)
                .collect(Collectors.toMap(DataService::code, Function.identity()));
        model.addAttribute("rows", rows);
        model.addAttribute("services", byCode);
        model.addAttribute("granted", granted(me).stream().map(byCode::get).filter(java.util.Objects::nonNull).toList());
        model.addAttribute("admin", admin);
        return "share/verifications";
    }

    @PostMapping
    String upload(@RequestParam String service, @RequestParam("file") MultipartFile file, Authentication user,
                  Model model) throws IOException {
        UserAccount me = me(user);
        Optional<Grant> grant = grant(me, service);
        Optional<DataService> s = services.current(service).filter(x -> x.kind() == ServiceKind.VERIFICATION);
        if (grant.isEmpty() || s.isEmpty() || file.isEmpty()) {
            model.addAttribute("error", file.isEmpty() ? "share.verification.console.empty" : "share.verification.console.noGrant");
            model.addAttribute("errorArgument", service);
            return list(user, model);
        }
        String name = file.getOriginalFilename() == null ? null : Path.of(file.getOriginalFilename()).getFileName().toString();
        VerificationBatch b;
        try (InputStream in = file.getInputStream()) {
            b = batches.submit(s.get(), grant.get(), me.departmentId(), "user:" + me.username(), in, name);
        }
        return "redirect:/console/share/verifications?submitted=" + b.id();
    }

    @GetMapping("/{id}/result")
    ResponseEntity<FileSystemResource> result(@PathVariable long id, Authentication user) throws IOException {
        UserAccount me = me(user);
        VerificationBatch b = batches.find(id)
                .filter(x -> me.has(Role.PLATFORM_ADMIN) || Long.valueOf(x.departmentId()).equals(me.departmentId()))
                .orElseThrow(() -> new NotFoundException("share.verification.console.notFound", id));
        Path file = batches.result(b).orElseThrow(() -> new NotFoundException("share.verification.console.notFound", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + b.serviceCode() + "-batch-" + id + ".csv\"")
                .contentLength(Files.size(file)).body(new FileSystemResource(file));
    }

    private UserAccount me(Authentication user) {
        return accounts.findByUsername(user.getName()).orElseThrow();
    }

    /** The services this person's department holds a live grant for. */
    private List<String> granted(UserAccount me) {
        if (me.departmentId() == null) {
            return List.of();
        }
        return grants.ofDepartment(me.departmentId()).stream()
                .filter(g -> g.consumerDepartmentId() == me.departmentId() && g.liveAt(clock.instant()))
                .map(Grant::serviceCode).distinct().sorted().toList();
    }

    private Optional<Grant> grant(UserAccount me, String service) {
        if (me.departmentId() == null) {
            return Optional.empty();
        }
        return grants.ofDepartment(me.departmentId()).stream()
                .filter(g -> g.serviceCode().equals(service) && g.consumerDepartmentId() == me.departmentId()
                        && g.liveAt(clock.instant()))
                .findFirst();
    }
}
