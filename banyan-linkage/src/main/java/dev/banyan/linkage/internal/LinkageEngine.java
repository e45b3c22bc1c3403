package dev.banyan.linkage.internal;

import dev.banyan.linkage.BlockingStats;
import dev.banyan.linkage.ClericalReviewPair;
import dev.banyan.linkage.ComparisonVector;
import dev.banyan.linkage.ExpectationMaximisation;
import dev.banyan.linkage.FellegiSunterModel;
import dev.banyan.linkage.FieldSpec;
import dev.banyan.linkage.LinkRecord;
import dev.banyan.linkage.LinkSchema;
import dev.banyan.linkage.LinkageResult;
import dev.banyan.linkage.MatchWeight;
import dev.banyan.linkage.PatternCounts;
import dev.banyan.linkage.ReviewDecision;
import dev.banyan.linkage.StageTimes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linkage pipeline (链接流程) over one growing store of records: prepare, block and compare, estimate the model,
 * score, and cluster under constraints; then, for incremental batches, the same steps for the new records only against
 * the kept index, model and clusters.
 */
public final class LinkageEngine {

    /** Random pairs for u: enough for stable estimates, at most ten per record so that small inputs stay fast. */
    private static final int RANDOM_PAIRS = 1_000_000;
    private static final int MIN_RANDOM_PAIRS = 100_000;
    private static final long RANDOM_SEED = 0x11_6B_A7_A9L;
    private static final int IDENTITY_PAIRS = 500_000;

    private final LinkSchema schema;
    private final int threads;
    private final PreparedRecords records;
    private final ConstrainedClusters clusters;
    private final TermFrequencies[] termFrequencies;
    private final Map<String, Integer> indexOfId = new HashMap<>();
    private final List<Map<String, Integer>> firstWithIdentity = new ArrayList<>();
    private final Set<Long> decided = new HashSet<>();
    private BlockIndex index;
    private FellegiSunterModel model;
    private Map<String, String> truth;

    public LinkageEngine(LinkSchema schema, int threads) {
        this.schema = schema;
        this.threads = Math.max(1, threads);
        this.records = new PreparedRecords(schema);
        this.clusters = new ConstrainedClusters(records);
        List<FieldSpec> fields = schema.fields();
        termFrequencies = new TermFrequencies[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).termFrequency()) {
                termFrequencies[f] = new TermFrequencies();
            }
        }
        for (int k = 0; k < records.identifierCount(); k++) {
            firstWithIdentity.add(new HashMap<>());
        }
    }

    /** Ground truth (record id → entity id) for pair completeness; optional. */
    public void truth(Map<String, String> truthEntities) {
        this.truth = truthEntities;
    }

    public FellegiSunterModel model() {
        return model;
    }

    public PreparedRecords records() {
        return records;
    }

    /** The cluster id of a record, or {@code null} if unknown. */
    public String clusterOf(String id) {
        Integer i = indexOfId.get(id);
        return i == null ? null : clusters.clusterId(i);
    }

    /**
     * Links all records from scratch. Records are first sorted by id, so the outcome does not depend on their order.
     *
     * @param fixedModel a model to use instead of estimating one, or {@code null}
     */
    public LinkageResult runFull(List<LinkRecord> input, List<ReviewDecision> decisions, FellegiSunterModel fixedModel) {
        if (records.size() > 0) {
            throw new IllegalStateException("a full run needs an empty engine");
        }
        long t0 = System.nanoTime();
        List<LinkRecord> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(LinkRecord::id));
        records.addAll(sorted, threads);
        register(0, records.size());
        clusters.grow();
        index = BlockIndex.build(records, schema.maxBlockSize());
        long t1 = System.nanoTime();

        CandidatePairs.Outcome outcome = new CandidatePairs(records, index).all(threads);
        long t2 = System.nanoTime();

        if (fixedModel != null) {
            model = fixedModel;
        } else {
            model = estimate(outcome.tally());
        }
        long t3 = System.nanoTime();

        ScoredLinks links = score(outcome);
        List<ReviewDecision> refused = applyDecisions(decisions);
        linkIdentities(0, records.size());
        long autoLinks = cluster(links);
        List<ClericalReviewPair> review = reviewPairs(links);
        Map<String, String> clusterOf = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            clusterOf.put(records.id(i), clusters.clusterId(i));
        }
        long t4 = System.nanoTime();
        BlockingStats stats = blockingStats(outcome, 0, records.size());
        long compared = stats.candidatePairs();
        return new LinkageResult(clusterOf, review, model, stats, compared, autoLinks, refused,
                new StageTimes(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
                        Duration.ofNanos(t4 - t3)));
    }

    /**
     * Links a batch of new records against everything linked so far, with the model of the full run. The result lists
     * the cluster of each record of the batch; clusters of earlier records can only grow by merging.
     */
    public LinkageResult addBatch(List<LinkRecord> input, List<ReviewDecision> decisions) {
        if (index == null) {
            throw new IllegalStateException("run a full linkage before adding batches");
        }
        long t0 = System.nanoTime();
        List<LinkRecord> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(LinkRecord::id));
        for (LinkRecord r : sorted) {
            if (indexOfId.containsKey(r.id())) {
                throw new IllegalArgumentException("record " + r.id() + " is already linked");
            }
        }
        int from = records.addAll(sorted, threads);
        int to = records.size();
        register(from, to);
        clusters.grow();
        index.append(from, to);
        long t1 = System.nanoTime();
        CandidatePairs.Outcome outcome = new CandidatePairs(records, index).appended(from, to, threads);
        long t2 = System.nanoTime();
        ScoredLinks links = score(outcome);
        List<ReviewDecision> refused = applyDecisions(decisions);
        linkIdentities(from, to);
        long autoLinks = cluster(links);
        List<ClericalReviewPair> review = reviewPairs(links);
        Map<String, String> clusterOf = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            clusterOf.put(records.id(i), clusters.clusterId(i));
        }
        long t3 = System.nanoTime();
        BlockingStats stats = blockingStats(outcome, from, to);
        return new LinkageResult(clusterOf, review, model, stats, stats.candidatePairs(), autoLinks, refused,
                new StageTimes(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ZERO,
                        Duration.ofNanos(t3 - t2)));
    }

    /** Cluster ids of all records linked so far, in record-id order. */
    public Map<String, String> allClusters() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            out.put(records.id(i), clusters.clusterId(i));
        }
        return out;
    }

    private void register(int from, int to) {
        for (int i = from; i < to; i++) {
            if (indexOfId.put(records.id(i), i) != null) {
                throw new IllegalArgumentException("record id " + records.id(i) + " appears twice");
            }
            for (int f = 0; f < termFrequencies.length; f++) {
                if (termFrequencies[f] != null) {
                    termFrequencies[f].add(records.term(f, i));
                }
            }
        }
    }

    /**
     * Estimates the model: u from random pairs, m from identifier-sharing pairs (or the generic start without
     * identifiers), then EM over the candidate patterns. If EM ends with agreement being evidence against a match in
     * most fields — it found some other split of the candidates, such as "same name" — the starting m and u are kept
     * and EM estimates only λ.
     */
    private FellegiSunterModel estimate(PatternTally tally) {
        int[] levels = records.levelCounts();
        FellegiSunterModel generic = ExpectationMaximisation.startingModel(schema.fieldNames(), levels);
        double[][] u = RandomPairs.estimateU(records, levels,
                (int) Math.min(RANDOM_PAIRS, Math.max(MIN_RANDOM_PAIRS, 10L * records.size())), RANDOM_SEED, threads);
        double[][] m = IdentityPairs.estimateM(records, levels, IDENTITY_PAIRS);
        if (m == null) {
            m = new double[levels.length][];
            for (int f = 0; f < levels.length; f++) {
                m[f] = new double[levels[f]];
                for (int l = 1; l < levels[f]; l++) {
                    m[f][l] = generic.m(f, l);
                }
            }
        }
        FellegiSunterModel seeded = new FellegiSunterModel(schema.fieldNames(), m, u, generic.lambda());
        PatternCounts counts = PatternCounts.of(tally.toMap());
        if (counts.size() == 0) {
            return seeded;
        }
        FellegiSunterModel estimated = ExpectationMaximisation.standard().estimate(counts, seeded, false);
        if (agreementIsEvidence(estimated)) {
            return estimated;
        }
        return ExpectationMaximisation.standard().estimateLambda(counts, seeded);
    }

    private static boolean agreementIsEvidence(FellegiSunterModel model) {
        int positive = 0;
        int fields = model.fields().size();
        for (int f = 0; f < fields; f++) {
            if (model.bayesFactorBits(f, 1) > 0) {
                positive++;
            }
        }
        return positive * 2 > fields;
    }

    /** The weight of a pair: the model's weight plus term-frequency adjustments of exact agreements. */
    private double weight(int a, int b, long pattern) {
        double w = model.weight(pattern);
        for (int f = 0; f < termFrequencies.length; f++) {
            if (termFrequencies[f] != null && ComparisonVector.level(pattern, f) == 1) {
                w += termFrequencies[f].adjustmentBits(records.term(f, a));
            }
        }
        return w;
    }

    private ScoredLinks score(CandidatePairs.Outcome outcome) {
        double floor = schema.thresholds().reviewWeight();
        List<CandidatePairs.Slice> slices = outcome.slices();
        ScoredLinks[] parts = new ScoredLinks[slices.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = () -> {
                for (int s = next.getAndIncrement(); s < slices.size(); s = next.getAndIncrement()) {
                    PairBuffer pairs = slices.get(s).pairs();
                    ScoredLinks links = new ScoredLinks();
                    for (int i = 0; i < pairs.size(); i++) {
                        double w = weight(pairs.first(i), pairs.second(i), pairs.pattern(i));
                        if (w >= floor) {
                            links.add(pairs.first(i), pairs.second(i), w, pairs.pattern(i));
                        }
                    }
                    parts[s] = links;
                }
            };
        }
        Workers.run(workers);
        ScoredLinks all = new ScoredLinks();
        for (ScoredLinks p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private List<ReviewDecision> applyDecisions(List<ReviewDecision> decisions) {
        List<ReviewDecision> refused = new ArrayList<>();
        List<int[]> accepted = new ArrayList<>();
        for (ReviewDecision d : decisions) {
            Integer a = indexOfId.get(d.firstId());
            Integer b = indexOfId.get(d.secondId());
            if (a == null || b == null) {
                continue; // about records not (yet) linked; applied when they arrive
            }
            long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
            if (!decided.add(key)) {
                continue;
            }
            if (d.accepted()) {
                accepted.add(new int[]{Math.min(a, b), Math.max(a, b)});
            } else {
                clusters.cannotLink(a, b);
            }
        }
        accepted.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        for (int[] p : accepted) {
            if (!clusters.merge(p[0], p[1])) {
                refused.add(ReviewDecision.accept(records.id(p[0]), records.id(p[1])));
            }
        }
        return refused;
    }

    /** Deterministic links (确定性链接): records sharing a valid identifier join its first holder's cluster. */
    private void linkIdentities(int from, int to) {
        for (int k = 0; k < records.identifierCount(); k++) {
            Map<String, Integer> first = firstWithIdentity.get(k);
            for (int i = from; i < to; i++) {
                String id = records.identifier(k, i);
                if (id != null) {
                    Integer holder = first.putIfAbsent(id, i);
                    if (holder != null) {
                        clusters.merge(holder, i);
                    }
                }
            }
        }
    }

    private long cluster(ScoredLinks links) {
        double linkWeight = schema.thresholds().linkWeight();
        long autoLinks = 0;
        for (int p : links.order()) {
            if (links.weight(p) < linkWeight) {
                break;
            }
            autoLinks++;
            clusters.merge(links.first(p), links.second(p));
        }
        return autoLinks;
    }

    private List<ClericalReviewPair> reviewPairs(ScoredLinks links) {
        double linkWeight = schema.thresholds().linkWeight();
        List<ClericalReviewPair> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<String> fields = schema.fieldNames();
        List<List<String>> labels = records.levelLabels();
        for (int p : links.order()) {
            int a = links.first(p);
            int b = links.second(p);
            if (links.weight(p) >= linkWeight) {
                continue;
            }
            int ra = clusters.find(a);
            int rb = clusters.find(b);
            if (ra == rb || !clusters.canMerge(a, b)) {
                continue;
            }
            long key = ((long) Math.min(ra, rb) << 32) | Math.max(ra, rb);
            if (!seen.add(key)) {
                continue;
            }
            String x = records.id(a);
            String y = records.id(b);
            ComparisonVector v = new ComparisonVector(links.pattern(p));
            out.add(new ClericalReviewPair(x.compareTo(y) < 0 ? x : y, x.compareTo(y) < 0 ? y : x,
                    new MatchWeight(links.weight(p)), v, v.describe(fields, labels)));
        }
        return out;
    }

    private BlockingStats blockingStats(CandidatePairs.Outcome outcome, int from, int to) {
        long[] perRule = outcome.pairsPerRule(index.rules());
        List<Long> pairs = new ArrayList<>();
        for (long p : perRule) {
            pairs.add(p);
        }
        long truePairs = -1;
        long trueCandidates = -1;
        if (truth != null && from == 0) {
            Map<String, Long> sizes = new HashMap<>();
            for (int i = 0; i < to; i++) {
                String e = truth.get(records.id(i));
                if (e != null) {
                    sizes.merge(e, 1L, Long::sum);
                }
            }
            truePairs = sizes.values().stream().mapToLong(s -> s * (s - 1) / 2).sum();
            // pairs sharing a valid identifier are found without comparison; they count as found
            Map<String, Long> sameIdentity = new HashMap<>();
            for (int i = 0; i < to && records.identifierCount() > 0; i++) {
                String e = truth.get(records.id(i));
                String id = records.identifier(0, i);
                if (e != null && id != null) {
                    sameIdentity.merge(e + "\u0001" + id, 1L, Long::sum);
                }
            }
            trueCandidates = sameIdentity.values().stream().mapToLong(s -> s * (s - 1) / 2).sum();
            for (CandidatePairs.Slice s : outcome.slices()) {
                PairBuffer b = s.pairs();
                for (int i = 0; i < b.size(); i++) {
                    String x = truth.get(records.id(b.first(i)));
                    if (x != null && x.equals(truth.get(records.id(b.second(i))))) {
                        trueCandidates++;
                    }
                }
            }
        }
        return new BlockingStats(to - from, pairs, outcome.skippedBlocks(), outcome.skippedRecords(), truePairs,
                trueCandidates);
    }
}
