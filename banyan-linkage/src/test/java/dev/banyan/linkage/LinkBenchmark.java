package dev.banyan.linkage;

import dev.banyan.synthcity.Profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Linkage benchmark (链接基准测试): generates (or reuses) a synthetic city, links all its person records end to end and
 * prints the time of each stage, pairs compared and pairwise precision / recall / F1; then links the last
 * {@code batch} records (by id order of a shuffled sample) as an incremental batch against the rest.
 *
 * <p>Usage: {@code LinkBenchmark persons [NORMAL|HARD] [dir] [batch] [runs]}. A plain main, not a unit test.
 */
public final class LinkBenchmark {

    private LinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = Integer.parseInt(args.length > 0 ? args[0].replace("_", "") : "20000");
        Profile profile = Profile.valueOf(args.length > 1 ? args[1].toUpperCase(Locale.ROOT) : "NORMAL");
        Path dir = Path.of(args.length > 2 ? args[2] : "/tmp/banyan-link-bench-" + persons + "-" + profile);
        int batch = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : 10_000;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        long g0 = System.nanoTime();
        SynthCityPersons city = Files.exists(dir.resolve("ground_truth/persons.csv"))
                ? SynthCityPersons.read(dir) : SynthCityPersons.generate(persons, 20_251_202L, profile, dir);
        System.out.printf(Locale.ROOT, "%,d person records from %s read in %.1f s; %d cores, max heap %,d MB%n",
                city.records().size(), dir, (System.nanoTime() - g0) / 1e9, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        LinkSchema schema = SynthCityPersons.schema();
        for (int run = 1; run <= runs; run++) {
            System.gc();
            long t0 = System.nanoTime();
            LinkageResult result = new RecordLinkage(schema).truth(city.truth()).run(city.records(), List.of());
            double seconds = (System.nanoTime() - t0) / 1e9;
            PairwiseEvaluation eval = PairwiseEvaluation.of(result.clusterOf(), city.truth());
            System.out.printf(Locale.ROOT, "full run %d: %.1f s (%s); %,d pairs compared; %,d clusters; %,d review pairs%n",
                    run, seconds, result.times(), result.pairsCompared(), result.clusterCount(),
                    result.reviewPairs().size());
            System.out.println("  " + eval);
            System.out.println(result.blocking().describe(schema.blocking()));
            if (run == 1) {
                System.out.println(result.model().describe(null));
                if (Boolean.getBoolean("misses")) {
                    printMistakes(result, city);
                }
            }
        }
        if (batch > 0 && batch < city.records().size()) {
            // the batch: every k-th record, so that it touches clusters all over the city
            List<LinkRecord> base = new ArrayList<>();
            List<LinkRecord> added = new ArrayList<>();
            int step = city.records().size() / batch;
            for (int i = 0; i < city.records().size(); i++) {
                (i % step == 0 && added.size() < batch ? added : base).add(city.records().get(i));
            }
            long t0 = System.nanoTime();
            LinkageIndex index = new RecordLinkage(schema).index(base, List.of());
            double build = (System.nanoTime() - t0) / 1e9;
            for (int run = 1; run <= Math.max(1, runs); run++) {
                List<LinkRecord> slice = new ArrayList<>();
                for (LinkRecord r : added) {
                    slice.add(new LinkRecord(r.id() + (run == 1 ? "" : "#" + run), r.source(), values(r)));
                }
                long t1 = System.nanoTime();
                LinkageResult r = index.add(slice, List.of());
                double seconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf(Locale.ROOT, "incremental batch %d: %,d records against %,d in %.2f s (%,d pairs); index built in %.1f s%n",
                        run, slice.size(), base.size(), seconds, r.pairsCompared(), build);
            }
            Map<String, String> clusters = index.clusters();
            clusters.keySet().removeIf(id -> id.contains("#"));
            System.out.println("  after batch 1: " + PairwiseEvaluation.of(clusters, city.truth()));
        }
    }

    /** A few missed and wrong pairs with their values, to see what the linkage gets wrong. */
    private static void printMistakes(LinkageResult result, SynthCityPersons city) {
        Map<String, LinkRecord> byId = new java.util.HashMap<>();
        city.records().forEach(r -> byId.put(r.id(), r));
        Map<String, List<String>> byEntity = new java.util.TreeMap<>();
        for (LinkRecord r : city.records()) {
            byEntity.computeIfAbsent(city.truth().get(r.id()), k -> new ArrayList<>()).add(r.id());
        }
        int shown = 0;
        for (List<String> members : byEntity.values()) {
            for (int i = 0; i < members.size() && shown < 25; i++) {
                for (int j = i + 1; j < members.size() && shown < 25; j++) {
                    String a = members.get(i);
                    String b = members.get(j);
                    if (!result.clusterOf().get(a).equals(result.clusterOf().get(b))) {
                        System.out.println("MISSED " + byId.get(a) + "\n       " + byId.get(b));
                        shown++;
                        j = members.size();
                    }
                }
            }
        }
        shown = 0;
        for (List<String> members : result.clusters().values()) {
            for (int i = 1; i < members.size() && shown < 25; i++) {
                String a = members.get(0);
                String b = members.get(i);
                if (!city.truth().get(a).equals(city.truth().get(b))) {
                    System.out.println("WRONG  " + byId.get(a) + "\n       " + byId.get(b));
                    shown++;
                }
            }
        }
    }

    private static List<String> values(LinkRecord r) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            v.add(r.value(i));
        }
        return v;
    }
}
