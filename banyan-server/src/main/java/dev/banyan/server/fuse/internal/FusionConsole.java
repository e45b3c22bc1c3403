package dev.banyan.server.fuse.internal;

import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.LinkRun;
import dev.banyan.server.fuse.ReviewPair;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.web.HomeFigure;
import dev.banyan.server.web.NavigationItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's fusion pages (融合库): linkage statistics of the base libraries with the search of persons and
 * companies, the person file (一人一档) and company file (一企一档), and the clerical review queue (人工复核). Personal
 * information is masked except for the platform administrator; search results are always masked; the chief data
 * officer and the platform administrator decide review pairs.
 */
@Controller
@RequestMapping("/console/fusion")
class FusionConsole {

    /** Who sees the pages. */
    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON, Role.AUDITOR);
    /** Who decides review pairs. */
    static final Set<Role> DECIDERS = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER);

    private final BaseLibraryService libraries;
    private final ReviewQueue queue;
    private final EntityFiles files;
    private final FusionStore store;
    private final PlaceLibraryService places;
    private final PlaceFiles placeFiles;

    FusionConsole(BaseLibraryService libraries, ReviewQueue queue, EntityFiles files, FusionStore store,
                  PlaceLibraryService places, PlaceFiles placeFiles) {
        this.libraries = libraries;
        this.queue = queue;
        this.files = files;
        this.store = store;
        this.places = places;
        this.placeFiles = placeFiles;
    }

    /** Figures of the house and address libraries for the statistics page. */
    record PlaceFigures(long houses, long houseLinks, long owners, long linkedOwners, long addresses, long addressLinks,
                        long gridded) {
    }

    @Bean
    static NavigationItem fusionNavigation() {
        return new NavigationItem("/console/fusion", "fuse.nav", "fuse.nav.description", 300,
                ROLES.stream().map(Role::name).collect(Collectors.toSet()));
    }

    @Bean
    static HomeFigure personsFigure(FusionStore store) {
        return new HomeFigure("fuse.figure.persons", 300,
                () -> store.count("select count(*) from fusion.entity where kind = ?", EntityKind.PERSON));
    }

    /** Figures of one library for the statistics page. */
    record LibraryFigures(EntityKind kind, long entities, long links, long sources, long openReview, long decided,
                          long multiSource, List<LinkRun> runs) {

        public LinkRun lastWithTruth() {
            return runs.stream().filter(r -> r.f1() != null).findFirst().orElse(null);
        }
    }

    @GetMapping
    String statistics(@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                      Authentication user, Model model) {
        viewer(user);
        List<LibraryFigures> figures = new ArrayList<>();
        for (EntityKind k : EntityKind.values()) {
            figures.add(new LibraryFigures(k, libraries.entityCount(k),
                    store.count("select count(*) from fusion.entity_link where kind = ?", k),
                    store.count("select count(distinct resource_code) from fusion.entity_link where kind = ?", k),
                    queue.openCount(k), queue.decidedCount(k),
                    store.count("select count(*) from fusion.entity where kind = ? and sources > 1", k),
                    libraries.runs(k, 5)));
        }
        model.addAttribute("figures", figures);
        model.addAttribute("places", new PlaceFigures(places.houseCount(),
                places.count("select count(*) from fusion.house_link"),
                places.count("select count(*) from fusion.house_owner"),
                places.count("select count(*) from fusion.house_owner where owner_entity is not null"),
                places.addressCount(), places.count("select count(*) from fusion.address_link"),
                places.count("select count(*) from fusion.address where grid is not null")));
        String slug = kind == null ? "person" : kind.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("q", q == null ? "" : q);
        if (slug.startsWith("house") || slug.startsWith("address")) {
            boolean house = slug.startsWith("house");
            model.addAttribute("kind", EntityKind.PERSON);
            model.addAttribute("placeKind", house ? "house" : "address");
            model.addAttribute("hits", List.of());
            model.addAttribute("placeHits", q == null ? List.of()
                    : house ? placeFiles.searchHouses(q, 50) : placeFiles.searchAddresses(q, 50));
            return "fuse/statistics";
        }
        EntityKind searched = kind(slug);
        model.addAttribute("kind", searched);
        model.addAttribute("placeKind", "");
        model.addAttribute("placeHits", List.of());
        model.addAttribute("hits", q == null ? List.of() : files.search(searched, q, 50));
        return "fuse/statistics";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable String id, Authentication user, Model model, Locale locale) {
        return file(EntityKind.PERSON, id, user, model, locale);
    }

    @GetMapping("/companies/{id}")
    String company(@PathVariable String id, Authentication user, Model model, Locale locale) {
        return file(EntityKind.COMPANY, id, user, model, locale);
    }

    @GetMapping("/houses/{id}")
    String house(@PathVariable String id, Authentication user, Model model, Locale locale) {
        boolean unmasked = viewer(user).contains(Role.PLATFORM_ADMIN.authority());
        model.addAttribute("file", placeFiles.house(id, unmasked, locale)
                .orElseThrow(() -> new NotFoundException("fuse.error.noEntity", id)));
        model.addAttribute("unmasked", unmasked);
        return "fuse/house";
    }

    @GetMapping("/addresses/{id}")
    String address(@PathVariable String id, Authentication user, Model model, Locale locale) {
        boolean unmasked = viewer(user).contains(Role.PLATFORM_ADMIN.authority());
        model.addAttribute("file", placeFiles.address(id, unmasked, locale)
                .orElseThrow(() -> new NotFoundException("fuse.error.noEntity", id)));
        model.addAttribute("unmasked", unmasked);
        return "fuse/address";
    }

    @PostMapping("/places/rebuild")
    String rebuildPlaces(Authentication user, RedirectAttributes redirect) {
        if (!viewer(user).contains(Role.PLATFORM_ADMIN.authority())) {
            throw new AccessDeniedException("linkage runs are for the platform administrator");
        }
        PlaceLibraryService.PlaceRun run = places.rebuild();
        redirect.addFlashAttribute("notice", "fuse.run.notice");
        redirect.addFlashAttribute("noticeArg", String.format(Locale.ROOT, "%,d → %,d · %,d → %,d", run.houseRecords(),
                run.houses(), run.addressRecords(), run.addresses()));
        return "redirect:/console/fusion";
    }

    private String file(EntityKind kind, String id, Authentication user, Model model, Locale locale) {
        Set<String> roles = viewer(user);
        boolean unmasked = roles.contains(Role.PLATFORM_ADMIN.authority());
        EntityFiles.EntityFile file = files.file(kind, id, unmasked, locale)
                .orElseThrow(() -> new NotFoundException("fuse.error.noEntity", id));
        model.addAttribute("file", file);
        model.addAttribute("unmasked", unmasked);
        model.addAttribute("houses", placeFiles.housesOf(kind.name(), id, unmasked));
        model.addAttribute("addresses", placeFiles.addressesOf(kind.name(), id, unmasked));
        return "fuse/file";
    }

    /** A review pair with both records' values side by side. */
    record PairView(ReviewPair pair, String firstOrigin, String secondOrigin, Map<String, String[]> values) {
    }

    @GetMapping("/review")
    String review(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int offset,
                  Authentication user, Model model, Locale locale) {
        Set<String> roles = viewer(user);
        EntityKind k = kind(kind == null ? "person" : kind);
        boolean decider = DECIDERS.stream().anyMatch(r -> roles.contains(r.authority()));
        List<PairView> pairs = new ArrayList<>();
        for (ReviewPair p : queue.open(k, Math.max(0, offset), 20)) {
            Map<String, String> a = files.recordValues(k, p.firstId(), decider).orElse(Map.of());
            Map<String, String> b = files.recordValues(k, p.secondId(), decider).orElse(Map.of());
            Map<String, String[]> values = new LinkedHashMap<>();
            for (String attr : a.keySet()) {
                values.put(attr, new String[]{a.get(attr), b.get(attr)});
            }
            pairs.add(new PairView(p, files.origin(p.firstId(), locale), files.origin(p.secondId(), locale), values));
        }
        model.addAttribute("kind", k);
        model.addAttribute("pairs", pairs);
        model.addAttribute("open", queue.openCount(k));
        model.addAttribute("decided", queue.decided(k, 20));
        model.addAttribute("decider", decider);
        model.addAttribute("offset", Math.max(0, offset));
        return "fuse/review";
    }

    @PostMapping("/review/decide")
    String decide(@RequestParam String kind, @RequestParam String first, @RequestParam String second,
                  @RequestParam String decision, @RequestParam(required = false) String comment, Authentication user,
                  RedirectAttributes redirect) {
        Set<String> roles = viewer(user);
        if (DECIDERS.stream().noneMatch(r -> roles.contains(r.authority()))) {
            throw new AccessDeniedException("review decisions are for chief data officers and the platform administrator");
        }
        EntityKind k = kind(kind);
        queue.decide(k, first, second, "accept".equals(decision), user.getName(), comment);
        redirect.addFlashAttribute("notice", "accept".equals(decision) ? "fuse.review.acceptedNotice" : "fuse.review.rejectedNotice");
        redirect.addFlashAttribute("noticeArg", first + " · " + second);
        return "redirect:/console/fusion/review?kind=" + k.slug();
    }

    @PostMapping("/link")
    String link(@RequestParam String kind, @RequestParam(defaultValue = "incremental") String mode, Authentication user,
                RedirectAttributes redirect) {
        Set<String> roles = viewer(user);
        if (!roles.contains(Role.PLATFORM_ADMIN.authority())) {
            throw new AccessDeniedException("linkage runs are for the platform administrator");
        }
        EntityKind k = kind(kind);
        LinkRun run = "full".equals(mode) ? libraries.rebuild(k, n -> { }) : libraries.linkNewBatches(k);
        redirect.addFlashAttribute("notice", "fuse.run.notice");
        redirect.addFlashAttribute("noticeArg", String.format(Locale.ROOT, "%,d → %,d", run.records(), run.entities()));
        return "redirect:/console/fusion";
    }

    private static EntityKind kind(String slug) {
        for (EntityKind k : EntityKind.values()) {
            if (k.slug().equalsIgnoreCase(slug.strip()) || (k.slug() + "s").equalsIgnoreCase(slug.strip())) {
                return k;
            }
        }
        throw new NotFoundException("fuse.error.noKind", slug);
    }

    private static Set<String> viewer(Authentication user) {
        Set<String> authorities = user == null ? Set.of() : user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (ROLES.stream().noneMatch(r -> authorities.contains(r.authority()))) {
            throw new AccessDeniedException("the fusion pages are for the platform administrator, departments' data officers and auditors");
        }
        return authorities;
    }
}
