package dev.banyan.server.share;

import dev.banyan.server.share.internal.VerificationBenchmarkRunner;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The batch verification benchmark (批量核验基准) behind {@code ./banyan bench verify}: the server's context on a fresh
 * temporary embedded PostgreSQL, a generated city's household register, death certificates, allowance roll, medical
 * insurance, wage withholdings and real-estate holders landed into the STANDARD zone, the four verification scenes
 * published — and then a batch of {@code subjects} identity numbers (residents of the city, valid numbers nobody holds,
 * and numbers with a wrong check character, shuffled) verified against the public rental housing scene, the heaviest
 * (four facts, three of them over the subject's household), through the real batch path: file → COPY → one
 * set-based statement → CEL on every core → result file with its SHA-256 and evidence.
 *
 * <p>Baseline in the same run: the same answers computed by one hand-written SQL statement in PostgreSQL, no CEL
 * and no Java in the loop — the subjects COPYed into a table, the household's members, income and real estate
 * aggregated per household, the rule written as SQL {@code CASE}, and the result COPYed out to a file — what a
 * database engineer would write for this one scene. The ratio is the price of defining verification rules
 * declaratively (any scene, no code, every identity number checked, results evaluated by CEL and kept as evidence)
 * rather than by hand for each scene.
 */
public final class VerificationBenchmark {

    private VerificationBenchmark() {
    }

    /**
     * @param persons  residents of the generated city
     * @param subjects identity numbers in the batch
     * @param runs     repetitions; medians are reported
     * @param cityDir  where the city is, generated there if missing
     */
    public record Options(int persons, int subjects, int runs, Path cityDir) {

        public Options {
            if (persons < 100 || subjects < 1 || runs < 1) {
                throw new IllegalArgumentException("at least 100 persons, 1 subject and 1 run");
            }
        }
    }

    /** Runs the benchmark and prints its progress and figures. */
    public static void run(Options options, Class<?> application, PrintStream out) throws Exception {
        new VerificationBenchmarkRunner(options.persons(), options.subjects(), options.runs(), options.cityDir(),
                application, out).run();
    }
}
