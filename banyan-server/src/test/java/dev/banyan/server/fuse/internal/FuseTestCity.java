package dev.banyan.server.fuse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.internal.CityLanding;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * One small generated city per test JVM for the fuse tests, registered in the catalog and landed as the demo lands it
 * — not the ingest tests' city, whose files would be "already landed" there.
 */
public final class FuseTestCity {

    private static Path city;

    private FuseTestCity() {
    }

    public static synchronized Path land(List<DemoStep> steps, Ingestion ingestion, IngestJobs jobs,
                                  CityDatasetResources resources, DatabaseInfo database) throws Exception {
        if (city != null) {
            return city;
        }
        DemoProgress quiet = new DemoProgress() {
            @Override
            public void advance(String what, long done, long total) {
            }

            @Override
            public void report(String line) {
            }
        };
        for (DemoStep step : steps.stream().filter(s -> s.order() == 120 || s.order() == 130 || s.order() / 100 == 2)
                .sorted(Comparator.comparingInt(DemoStep::order)).toList()) {
            step.run(quiet);
        }
        Path dir = Files.createTempDirectory("banyan-fuse-city-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // best effort
            }
        }));
        new CityGenerator(2).generate(new GenerationOptions(1_200, 20_261_202L, Profile.NORMAL, dir), null);
        List<IngestResult> results = CityLanding.land(ingestion, jobs, resources, database, dir, "fuse_test_transport");
        assertThat(results).hasSize(25).allSatisfy(r -> assertThat(r.outcome()).isNotEqualTo(IngestResult.Outcome.FAILED));
        city = dir;
        return city;
    }
}
