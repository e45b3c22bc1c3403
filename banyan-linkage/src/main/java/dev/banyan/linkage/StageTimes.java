package dev.banyan.linkage;

import java.time.Duration;
import java.util.Locale;

/**
 * How long each stage of a run took (阶段耗时).
 *
 * @param preparation parsing and normalising values, computing keys
 * @param comparison  blocking and comparing candidate pairs
 * @param estimation  EM
 * @param clustering  scoring and clustering
 */
public record StageTimes(Duration preparation, Duration comparison, Duration estimation, Duration clustering) {

    public Duration total() {
        return preparation.plus(comparison).plus(estimation).plus(clustering);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "prepare %.2f s, block+compare %.2f s, EM %.2f s, cluster %.2f s, total %.2f s",
                preparation.toMillis() / 1e3, comparison.toMillis() / 1e3, estimation.toMillis() / 1e3,
                clustering.toMillis() / 1e3, total().toMillis() / 1e3);
    }
}
