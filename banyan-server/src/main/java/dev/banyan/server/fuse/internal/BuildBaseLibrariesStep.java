package dev.banyan.server.fuse.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.LinkRun;
import dev.banyan.server.ingest.StandardZone;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Demo step: builds the base libraries of persons and companies from the STANDARD zone (构建人口库、法人库) after every
 * department's data has landed, with progress, and reports entities, review backlog and — against the city's ground
 * truth — pairwise precision, recall and F1. Idempotent: when no batch was governed into a source since the last run,
 * nothing changes.
 */
@Component
class BuildBaseLibrariesStep implements DemoStep {

    private final BaseLibraryService libraries;
    private final StandardZone zone;
    private final PlaceLibraryService places;

    BuildBaseLibrariesStep(BaseLibraryService libraries, StandardZone zone, PlaceLibraryService places) {
        this.libraries = libraries;
        this.zone = zone;
        this.places = places;
    }

    @Override
    public int order() {
        return 650;
    }

    @Override
    public String title() {
        return "Link persons and companies, houses and addresses into the base libraries / 构建人口库、法人库、房屋库与地址库";
    }

    @Override
    public void run(DemoProgress progress) {
        boolean changed = false;
        for (EntityKind kind : EntityKind.values()) {
            String what = kind == EntityKind.PERSON ? "人口库 persons" : "法人库 companies";
            if (!libraries.stale(kind)) {
                progress.report(String.format(Locale.ROOT, "%s: already up to date, %,d entities / 已是最新，%,d 个实体",
                        what, libraries.entityCount(kind), libraries.entityCount(kind)));
                continue;
            }
            long total = libraries.sources(kind).stream().mapToLong(s -> zone.count(s.resource().code())).sum();
            if (total == 0) {
                progress.report(what + ": no STANDARD rows to link / 标准库中无可链接记录");
                continue;
            }
            changed = true;
            progress.advance(what, 0, total);
            LinkRun run = libraries.entityCount(kind) == 0
                    ? libraries.rebuild(kind, n -> progress.advance(what, Math.min(n, total), total))
                    : libraries.linkNewBatches(kind);
            progress.advance(what, total, total);
            progress.report(summary(what, run));
        }
        if (!changed && !places.stale()) {
            progress.report(String.format(Locale.ROOT, "房屋库 houses, 地址库 addresses: already up to date, %,d houses, %,d"
                    + " addresses / 已是最新", places.houseCount(), places.addressCount()));
            return;
        }
        progress.advance("房屋库 houses, 地址库 addresses", 0, 1);
        PlaceLibraryService.PlaceRun run = places.rebuild();
        progress.advance("房屋库 houses, 地址库 addresses", 1, 1);
        progress.report(String.format(Locale.ROOT, "房屋库 houses: %,d records → %,d houses, %,d owners (%,d linked to a"
                        + " person or company); 地址库 addresses: %,d records → %,d addresses; %.1f s"
                        + " / %,d 个房屋，%,d 个权利人，%,d 个地址",
                run.houseRecords(), run.houses(), run.owners(), run.linkedOwners(), run.addressRecords(), run.addresses(),
                run.seconds(), run.houses(), run.owners(), run.addresses()));
    }

    static String summary(String what, LinkRun run) {
        String accuracy = run.f1() == null ? "" : String.format(Locale.ROOT,
                "; precision %.4f, recall %.4f, F1 %.4f against the ground truth / 对照真值 F1 %.4f",
                run.precision(), run.recall(), run.f1(), run.f1());
        return String.format(Locale.ROOT, "%s: %,d records → %,d entities, %,d pairs compared, %,d for review, %.1f s"
                        + " / %,d 条记录 → %,d 个实体，%,d 对待人工复核%s",
                what, run.records(), run.entities(), run.pairsCompared(), run.reviewPairs(), run.seconds(),
                run.records(), run.entities(), run.reviewPairs(), accuracy);
    }
}
