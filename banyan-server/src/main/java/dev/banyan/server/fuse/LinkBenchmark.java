package dev.banyan.server.fuse;

import dev.banyan.linkage.LinkRecord;
import dev.banyan.linkage.LinkageIndex;
import dev.banyan.linkage.LinkageResult;
import dev.banyan.linkage.PairwiseEvaluation;
import dev.banyan.linkage.RecordLinkage;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.Profile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The linkage benchmark (链接基准测试) behind {@code ./banyan bench link}: generates (or reuses) a synthetic city, links
 * all its person records from every department end to end, and prints the time, pairs compared and pairwise
 * precision / recall / F1 — beside its baseline, the deterministic join on the identity number alone (what
 * {@code group by 身份证号} gives), with the ratios; then links an incremental batch against the rest.
 */
public final class LinkBenchmark {

    /**
     * @param persons residents of the generated city
     * @param profile how messy its data is
     * @param dir     where the city is (generated there if missing)
     * @param batch   records of the incremental batch; 0 skips it
     */
    public record Options(int persons, Profile profile, Path dir, int batch) {
    }

    private LinkBenchmark() {
    }

    public static void run(Options o, PrintStream out) {
        long g0 = System.nanoTime();
        if (!Files.exists(o.dir().resolve("ground_truth/persons.csv"))) {
            out.printf(Locale.ROOT, "generating a city of %,d persons (%s) in %s …%n", o.persons(), o.profile(), o.dir());
            new CityGenerator().generate(new GenerationOptions(o.persons(), 20_251_202L, o.profile(), o.dir()), null);
        }
        CityPersonRecords city = CityPersonRecords.read(o.dir());
        out.printf(Locale.ROOT, "%,d person records from %s read in %.1f s; %d cores, max heap %,d MB%n",
                city.records.size(), o.dir(), (System.nanoTime() - g0) / 1e9, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        // baseline: records sharing an identity number are one person, every other record is alone
        System.gc();
        long b0 = System.nanoTime();
        Map<String, String> byId = new HashMap<>();
        Map<String, String> baseline = new HashMap<>();
        for (LinkRecord r : city.records) {
            String id = r.value(1) == null ? "" : r.value(1).strip().toUpperCase(Locale.ROOT);
            baseline.put(r.id(), id.length() == 18 ? byId.computeIfAbsent(id, k -> r.id()) : r.id());
        }
        double baselineSeconds = (System.nanoTime() - b0) / 1e9;
        PairwiseEvaluation base = PairwiseEvaluation.of(baseline, city.truth);

        System.gc();
        long t0 = System.nanoTime();
        LinkageResult result = new RecordLinkage(dev.banyan.server.fuse.internal.LinkSchemas.persons()).run(city.records, List.of());
        double seconds = (System.nanoTime() - t0) / 1e9;
        PairwiseEvaluation eval = PairwiseEvaluation.of(result.clusterOf(), city.truth);
        long n = city.records.size();
        out.printf(Locale.ROOT, "linkage:  %.2f s (%s); %,d pairs compared of %,d possible (reduction ratio %.6f); %,d entities; %,d pairs for review%n",
                seconds, result.times(), result.pairsCompared(), n * (n - 1) / 2, result.blocking().reductionRatio(),
                result.clusterCount(), result.reviewPairs().size());
        out.printf(Locale.ROOT, "          precision %.4f  recall %.4f  F1 %.4f%n", eval.precision(), eval.recall(), eval.f1());
        out.printf(Locale.ROOT, "baseline: identity-number join only: %.2f s; precision %.4f  recall %.4f  F1 %.4f%n",
                baselineSeconds, base.precision(), base.recall(), base.f1());
        out.printf(Locale.ROOT, "ratio:    linkage finds %.2f× the true pairs of the baseline (recall %.4f vs %.4f) at %.0f× its time; %,.0f records/s%n",
                base.recall() == 0 ? 0 : eval.recall() / base.recall(), eval.recall(), base.recall(),
                baselineSeconds == 0 ? 0 : seconds / baselineSeconds, n / seconds);

        if (o.batch() > 0 && o.batch() < city.records.size()) {
            List<LinkRecord> rest = new ArrayList<>();
            List<LinkRecord> added = new ArrayList<>();
            int step = Math.max(1, city.records.size() / o.batch());
            for (int i = 0; i < city.records.size(); i++) {
                (i % step == 0 && added.size() < o.batch() ? added : rest).add(city.records.get(i));
            }
            long i0 = System.nanoTime();
            LinkageIndex index = new RecordLinkage(dev.banyan.server.fuse.internal.LinkSchemas.persons()).index(rest, List.of());
            double build = (System.nanoTime() - i0) / 1e9;
            long i1 = System.nanoTime();
            LinkageResult r = index.add(added, List.of());
            double inc = (System.nanoTime() - i1) / 1e9;
            PairwiseEvaluation after = PairwiseEvaluation.of(index.clusters(), city.truth);
            out.printf(Locale.ROOT, "incremental: %,d records linked into %,d in %.2f s (%,d pairs; index built in %.1f s); "
                            + "F1 after it %.4f — baseline: a full rerun, %.2f s; ratio %.1f× faster%n",
                    added.size(), rest.size(), inc, r.pairsCompared(), build, after.f1(), seconds,
                    inc == 0 ? 0 : seconds / inc);
        }
    }
}
