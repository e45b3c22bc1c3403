package dev.banyan.server.fuse.internal;

import dev.banyan.linkage.LinkRecord;
import dev.banyan.linkage.LinkSchema;
import dev.banyan.linkage.LinkageIndex;
import dev.banyan.linkage.LinkageResult;
import dev.banyan.linkage.PairwiseEvaluation;
import dev.banyan.linkage.RecordLinkage;
import dev.banyan.linkage.ReviewDecision;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.DataAuthorities;
import dev.banyan.server.catalog.DataAuthority;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.fuse.BaseLibraries;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.GoldenRecord;
import dev.banyan.server.fuse.LinkRun;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.BanyanSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds and maintains the base libraries (基础库构建): reads the kind's sources from the STANDARD zone, links them with
 * {@code banyan-linkage} (deterministic on valid identifiers, Fellegi–Sunter for the rest), honours review decisions,
 * keeps entity ids stable, computes golden records and writes it all in one transaction. The linked population stays
 * in memory as a {@link LinkageIndex} so that newly governed batches link incrementally; after a restart the first
 * incremental call rebuilds it (same entities, same ids).
 */
@Service
class BaseLibraryService implements BaseLibraries {

    private static final Logger log = LoggerFactory.getLogger(BaseLibraryService.class);

    private final StandardZone zone;
    private final Catalog catalog;
    private final DataAuthorities authorities;
    private final DepartmentDirectory departments;
    private final CityDatasetResources cityResources;
    private final FusionStore store;
    private final TransactionTemplate transactions;
    private volatile Path cityDir;
    private final Map<EntityKind, Population> populations = new EnumMap<>(EntityKind.class);

    /** A linked population kept for incremental batches. */
    private static final class Population {
        final List<EntitySources.Source> sources;
        final LinkageIndex index;
        final Map<String, String> entityOf;
        /** The last run this population knows of, and the decisions it has applied: anything else means another node changed the library. */
        long lastRun;
        long decided;

        Population(List<EntitySources.Source> sources, LinkageIndex index, Map<String, String> entityOf) {
            this.sources = sources;
            this.index = index;
            this.entityOf = entityOf;
        }
    }

    BaseLibraryService(StandardZone zone, Catalog catalog, DataAuthorities authorities, DepartmentDirectory departments,
                       CityDatasetResources cityResources, FusionStore store, TransactionTemplate transactions,
                       BanyanSettings settings) {
        this.zone = zone;
        this.catalog = catalog;
        this.authorities = authorities;
        this.departments = departments;
        this.cityResources = cityResources;
        this.store = store;
        this.transactions = transactions;
        this.cityDir = settings.cityDir();
    }

    List<EntitySources.Source> sources(EntityKind kind) {
        return EntitySources.of(kind, catalog.all());
    }

    @Override
    public synchronized LinkRun rebuild(EntityKind kind, LongConsumer progress) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        List<EntitySources.Source> sources = sources(kind);
        List<SourceRow> rows = new ArrayList<>();
        Map<String, Long> latest = new HashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            EntitySources.Source source = sources.get(s);
            int index = s;
            String code = source.resource().code();
            latest.put(code, zone.latestBatch(code));
            zone.forEach(code, 0, r -> {
                rows.add(SourceRow.of(kind, index, source, r));
                if (rows.size() % 10_000 == 0) {
                    progress.accept(rows.size());
                }
            });
        }
        progress.accept(rows.size());
        long read = System.nanoTime();
        List<Attribute> attributes = EntitySources.attributes(kind);
        List<LinkRecord> records = rows.stream().map(r -> SourceRow.link(r, attributes)).toList();
        List<ReviewDecision> decisions = store.decisions(kind);
        if (records.isEmpty()) {
            // nothing governed yet: an empty library
            transactions.executeWithoutResult(status -> {
                store.clear(kind);
                latest.forEach((code, batch) -> store.watermark(kind, code, batch));
            });
            populations.remove(kind);
            LinkRun empty = new LinkRun(0, kind, "FULL", started, Instant.now(), 0, 0, 0, 0, 0, 0, null, null, null,
                    sources.size() + " sources, no rows");
            return withId(empty, store.insertRun(empty, null));
        }
        LinkSchema schema = LinkSchemas.of(kind);
        LinkageIndex index = new RecordLinkage(schema).index(records, decisions);
        LinkageResult result = index.initial();
        long linked = System.nanoTime();
        Map<String, List<String>> clusters = result.clusters();
        Map<String, String> clusterIds = EntityIds.assign(kind, clusters, store.entityOfRecords(kind));
        Map<String, SourceRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        GoldenRecords golden = golden(kind, sources);
        List<GoldenRecord> entities = new ArrayList<>(clusters.size());
        Map<String, int[]> counts = new HashMap<>();
        List<FusionStore.Link> links = new ArrayList<>(rows.size());
        Map<String, String> entityOf = new HashMap<>();
        for (Map.Entry<String, List<String>> c : clusters.entrySet()) {
            String entityId = clusterIds.get(c.getKey());
            List<SourceRow> members = c.getValue().stream().map(byId::get).toList();
            entities.add(golden.of(entityId, members));
            counts.put(entityId, new int[]{members.size(), (int) members.stream().map(SourceRow::source).distinct().count()});
            for (SourceRow m : members) {
                links.add(new FusionStore.Link(m.id(), entityId, m.resourceCode(), m.key(), m.batch(), m.row(), "FULL"));
                entityOf.put(m.id(), entityId);
            }
        }
        long goldenDone = System.nanoTime();
        Evaluation eval = evaluate(kind, result.clusterOf());
        transactions.executeWithoutResult(status -> {
            store.jdbc().sql("select pg_advisory_xact_lock(hashtext('banyan.fuse.' || ?))").param(kind.name()).query().singleValue();
            store.clear(kind);
            store.copyLinks(kind, links);
            store.copyEntities(kind, entities, counts);
            store.reviewPairs(kind, result.reviewPairs());
            latest.forEach((code, batch) -> store.watermark(kind, code, batch));
        });
        long written = System.nanoTime();
        String phases = String.format(Locale.ROOT, "read %.1f s, link %.1f s, golden records %.1f s, write %.1f s; ",
                (read - startNanos) / 1e9, (linked - read) / 1e9, (goldenDone - linked) / 1e9,
                (written - goldenDone) / 1e9);
        LinkRun run = new LinkRun(0, kind, "FULL", started, Instant.now(), rows.size(), rows.size(), clusters.size(),
                result.pairsCompared(), result.autoLinks(), result.reviewPairs().size(), eval.precision(), eval.recall(),
                eval.f1(), phases + describe(sources, result));
        long id = store.insertRun(run, eval.truthRecords());
        Population population = new Population(sources, index, entityOf);
        population.lastRun = id;
        population.decided = decisions.size();
        populations.put(kind, population);
        log.info("{} library rebuilt: {} records → {} entities in {} s{} ({})", kind, rows.size(), clusters.size(),
                run.seconds(), eval.f1() == null ? "" : String.format(Locale.ROOT, ", F1 %.4f", eval.f1()), run.details());
        return withId(run, id);
    }

    @Override
    public synchronized LinkRun linkNewBatches(EntityKind kind) {
        Population population = populations.get(kind);
        if (population == null || !population.sources.toString().equals(sources(kind).toString())
                || population.lastRun != store.lastRunId(kind) || population.decided != store.decisions(kind).size()) {
            // never built here, new sources, or another node ran or decided since: the same entities from scratch
            return rebuild(kind, n -> { });
        }
        Instant started = Instant.now();
        Map<String, Long> marks = store.watermarks(kind);
        List<SourceRow> added = new ArrayList<>();
        List<SourceRow> changed = new ArrayList<>();
        Map<String, Long> latest = new HashMap<>();
        for (int s = 0; s < population.sources.size(); s++) {
            EntitySources.Source source = population.sources.get(s);
            String code = source.resource().code();
            long mark = marks.getOrDefault(code, 0L);
            int index = s;
            long[] max = {mark};
            zone.forEach(code, mark, r -> {
                SourceRow row = SourceRow.of(kind, index, source, r);
                (population.entityOf.containsKey(row.id()) ? changed : added).add(row);
                max[0] = Math.max(max[0], r.batch());
            });
            latest.put(code, max[0]);
        }
        List<Attribute> attributes = EntitySources.attributes(kind);
        LinkageResult result = population.index.add(added.stream().map(r -> SourceRow.link(r, attributes)).toList(),
                List.of());
        // the clusters the new records joined, with all their members
        Set<String> touched = new HashSet<>();
        for (SourceRow r : added) {
            touched.add(population.index.clusterOf(r.id()));
        }
        Map<String, List<String>> clusters = new TreeMap<>();
        if (!touched.isEmpty()) {
            for (Map.Entry<String, String> e : population.index.clusters().entrySet()) {
                if (touched.contains(e.getValue())) {
                    clusters.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }
        Map<String, String> ids = EntityIds.assign(kind, clusters, population.entityOf);
        Map<String, SourceRow> addedById = new HashMap<>();
        added.forEach(r -> addedById.put(r.id(), r));
        List<FusionStore.Link> newLinks = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>();   // entity id that disappears → the one it joins
        Set<String> affected = new TreeSet<>();
        for (Map.Entry<String, List<String>> c : clusters.entrySet()) {
            String entityId = ids.get(c.getKey());
            affected.add(entityId);
            for (String member : c.getValue()) {
                String before = population.entityOf.get(member);
                if (before == null) {
                    SourceRow r = addedById.get(member);
                    newLinks.add(new FusionStore.Link(r.id(), entityId, r.resourceCode(), r.key(), r.batch(), r.row(),
                            "INCREMENTAL"));
                } else if (!before.equals(entityId)) {
                    merged.put(before, entityId);
                }
                population.entityOf.put(member, entityId);
            }
        }
        for (SourceRow r : changed) {
            affected.add(population.entityOf.get(r.id()));
        }
        transactions.executeWithoutResult(status -> {
            store.jdbc().sql("select pg_advisory_xact_lock(hashtext('banyan.fuse.' || ?))").param(kind.name()).query().singleValue();
            store.copyLinks(kind, newLinks);
            merged.forEach((from, to) -> {
                store.moveLinks(kind, from, to, "INCREMENTAL");
                store.deleteEntity(kind, from);
            });
            changed.forEach(r -> store.updateLinkLineage(kind, r));
            for (String entityId : affected) {
                refreshGolden(kind, population.sources, entityId);
            }
            store.reviewPairs(kind, result.reviewPairs());
            latest.forEach((code, batch) -> store.watermark(kind, code, batch));
        });
        Evaluation eval = evaluate(kind, population.index.clusters());
        long entities = entityCount(kind);
        LinkRun run = new LinkRun(0, kind, "INCREMENTAL", started, Instant.now(), population.entityOf.size(), added.size(),
                entities, result.pairsCompared(), result.autoLinks(), result.reviewPairs().size(), eval.precision(),
                eval.recall(), eval.f1(), added.size() + " new, " + changed.size() + " changed rows; " + merged.size()
                + " entities merged");
        population.lastRun = store.insertRun(run, eval.truthRecords());
        return withId(run, population.lastRun);
    }

    /** Recomputes and stores the golden record of an entity from its linked rows as they are now. */
    void refreshGolden(EntityKind kind, List<EntitySources.Source> sources, String entityId) {
        List<FusionStore.Link> links = store.links(kind, entityId);
        if (links.isEmpty()) {
            store.deleteEntity(kind, entityId);
            return;
        }
        List<SourceRow> members = rowsOf(kind, sources, links);
        GoldenRecord g = golden(kind, sources).of(entityId, members);
        store.upsertEntity(kind, g, members.size(), (int) members.stream().map(SourceRow::source).distinct().count());
    }

    /** The current STANDARD rows of the links, as source rows. */
    List<SourceRow> rowsOf(EntityKind kind, List<EntitySources.Source> sources, List<FusionStore.Link> links) {
        Map<String, List<String>> keysByResource = new TreeMap<>();
        links.forEach(l -> keysByResource.computeIfAbsent(l.resourceCode(), k -> new ArrayList<>()).add(l.key()));
        List<SourceRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : keysByResource.entrySet()) {
            int s = indexOf(sources, e.getKey());
            if (s < 0) {
                continue;
            }
            for (StandardRecord r : zone.find(e.getKey(), e.getValue())) {
                rows.add(SourceRow.of(kind, s, sources.get(s), r));
            }
        }
        return rows;
    }

    static int indexOf(List<EntitySources.Source> sources, String code) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).resource().code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    GoldenRecords golden(EntityKind kind, List<EntitySources.Source> sources) {
        List<Attribute> attributes = EntitySources.attributes(kind);
        Map<String, Long> authorityOf = new HashMap<>();
        for (Attribute a : attributes) {
            if (a.element() != null) {
                authorities.current(a.element(), kind.subject()).map(DataAuthority::departmentId)
                        .ifPresent(d -> authorityOf.put(a.element(), d));
            }
        }
        Map<Long, Department> depts = departments.byId();
        List<GoldenRecords.SourceInfo> infos = new ArrayList<>();
        for (EntitySources.Source s : sources) {
            Resource r = s.resource();
            boolean[] auth = new boolean[attributes.size()];
            for (int a = 0; a < auth.length; a++) {
                Long d = attributes.get(a).element() == null ? null : authorityOf.get(attributes.get(a).element());
                auth[a] = d != null && d == r.providerId() && s.field(a) != null;
            }
            Department d = depts.get(r.providerId());
            infos.add(new GoldenRecords.SourceInfo(d == null ? String.valueOf(r.providerId()) : d.code(), auth));
        }
        return new GoldenRecords(kind, infos);
    }

    /** Pairwise accuracy against the city's ground truth. */
    record Evaluation(Double precision, Double recall, Double f1, Long truthRecords) {
        static final Evaluation NONE = new Evaluation(null, null, null, null);
    }

    Evaluation evaluate(EntityKind kind, Map<String, String> clusterOf) {
        Optional<Map<String, String>> truth = GroundTruth.read(cityDir, kind, cityResources);
        if (truth.isEmpty() || clusterOf.isEmpty()) {
            return Evaluation.NONE;
        }
        long known = clusterOf.keySet().stream().filter(truth.get()::containsKey).count();
        if (known == 0) {
            return Evaluation.NONE;
        }
        PairwiseEvaluation e = PairwiseEvaluation.of(clusterOf, truth.get());
        return new Evaluation(e.precision(), e.recall(), e.f1(), known);
    }

    private static String describe(List<EntitySources.Source> sources, LinkageResult result) {
        return sources.size() + " sources; " + result.times() + "; blocking reduction "
                + String.format(Locale.ROOT, "%.6f", result.blocking().reductionRatio());
    }

    private static LinkRun withId(LinkRun r, long id) {
        return new LinkRun(id, r.kind(), r.mode(), r.startedAt(), r.finishedAt(), r.records(), r.newRecords(),
                r.entities(), r.pairsCompared(), r.autoLinks(), r.reviewPairs(), r.precision(), r.recall(), r.f1(),
                r.details());
    }

    @Override
    public boolean stale(EntityKind kind) {
        Map<String, Long> marks = store.watermarks(kind);
        if (marks.isEmpty()) {
            return true;
        }
        for (EntitySources.Source s : sources(kind)) {
            if (zone.latestBatch(s.resource().code()) > marks.getOrDefault(s.resource().code(), 0L)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<LinkRun> runs(EntityKind kind, int limit) {
        return store.runs(kind, limit);
    }

    @Override
    public Optional<String> entityOf(EntityKind kind, String resourceCode, String key) {
        return store.entityOf(kind, SourceRow.recordId(resourceCode, key));
    }

    @Override
    public long entityCount(EntityKind kind) {
        return store.count("select count(*) from fusion.entity where kind = ?", kind);
    }

    /** Measures against the ground truth of another generated city (tests). */
    void useCityDir(Path dir) {
        this.cityDir = dir;
    }

    /** Forgets the in-memory population (as after a restart); the next incremental call rebuilds. */
    synchronized void forget(EntityKind kind) {
        populations.remove(kind);
    }

    /** Applies an accepted review decision to the in-memory index, if there is one. */
    synchronized void applyDecision(EntityKind kind, ReviewDecision decision, String keeper, String merged) {
        Population p = populations.get(kind);
        if (p == null) {
            return;
        }
        p.decided++;
        try {
            p.index.add(List.of(), List.of(decision));
            if (merged != null) {
                p.entityOf.replaceAll((record, entity) -> entity.equals(merged) ? keeper : entity);
            }
        } catch (RuntimeException e) {
            populations.remove(kind);
        }
    }
}
