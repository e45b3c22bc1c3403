package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.synthcity.DepartmentDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * For other modules' tests: lands a generated city's 25 datasets into the resources the demo registered for them,
 * each as a one-off batch with the source {@link LandCityStep} gives it — the transport bureau's tables from a
 * database of the test's own.
 */
public final class CityLanding {

    private CityLanding() {
    }

    /** @return the outcome of each dataset, in manifest order */
    public static List<IngestResult> land(Ingestion ingestion, IngestJobs jobs, CityDatasetResources resources,
                                          DatabaseInfo database, Path city, String transportDatabase) throws Exception {
        if (database.embedded()) {
            try (Connection admin = DriverManager.getConnection(database.jdbcUrlFor("postgres"), "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + transportDatabase);
                admin.createStatement().execute("create database " + transportDatabase + " encoding 'UTF8' template template0");
            }
        }
        String url = database.embedded() ? database.jdbcUrlFor(transportDatabase) : database.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            DepartmentDatabase.load(c, city);
        }
        LandCityStep step = new LandCityStep(ingestion, jobs, resources, city, url, "postgres", "");
        // one-off batches of this city's files, not the demo's daily jobs (whose sources are the demo's files)
        List<IngestResult> results = new java.util.ArrayList<>();
        for (LandCityStep.CityDataset d : LandCityStep.datasets(city.resolve("manifest.json"))) {
            String code = resources.find(d.department(), d.dataset()).orElseThrow().code();
            results.add(ingestion.ingest(code, step.spec(d), "liaison." + d.department(), n -> { }));
        }
        return results;
    }
}
