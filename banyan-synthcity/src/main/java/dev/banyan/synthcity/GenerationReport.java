package dev.banyan.synthcity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of generating a city (生成结果).
 *
 * @param outDir      where the city was written
 * @param persons     number of residents
 * @param enterprises number of market entities
 * @param datasets    every file written, departments first (catalogue order), then the ground truth
 * @param elapsed     wall-clock time of the run (not written into any file)
 */
public record GenerationReport(Path outDir, int persons, int enterprises, List<DatasetFile> datasets,
                               Duration elapsed) {

    public GenerationReport {
        datasets = List.copyOf(datasets);
    }
}
