package dev.banyan.server.audit;

import dev.banyan.server.audit.internal.AuditBenchmarkRunner;
import java.io.PrintStream;

/**
 * The evidence log benchmark (存证日志基准), each figure beside a baseline measured in the same run:
 *
 * <ol>
 *   <li><b>Durable appends per second</b>: the real server application context on a fresh embedded PostgreSQL,
 *       {@code entries} appends of realistic sharing-call evidence from {@code concurrency} virtual threads, each
 *       blocking in {@link EvidenceLog#append} until its entry is committed. Baseline: the usual way an audit table
 *       is written — one {@code INSERT} of the same entry bytes, committed on its own, from the same threads through
 *       the same connection pool. Both with {@code synchronous_commit = on}.</li>
 *   <li><b>Storage</b>: the log's own tables (entry bundles and hash tiles) per entry against the raw entry bytes,
 *       and the search index (which also keeps the payloads) separately.</li>
 *   <li><b>Inclusion proofs</b> in a log of {@code proofSize} entries (hash tiles bulk-built from synthetic leaf
 *       hashes): tile cache warm against a cache cleared before every proof (each tile read from PostgreSQL), and
 *       the same proofs from tiles held in plain memory.</li>
 * </ol>
 *
 * Every append run starts a fresh context on a fresh temporary data directory, deleted afterwards; the proof
 * phase reuses the last run's context after emptying the log's tables.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    /**
     * What to run.
     *
     * @param entries     timed appends per run (and as many baseline inserts)
     * @param concurrency virtual threads appending at once
     * @param runs        repetitions; medians are reported
     * @param proofSize   entries of the log that proofs are timed in; 0 skips the proof phase
     * @param proofs      timed proofs per run
     */
    public record Options(int entries, int concurrency, int runs, long proofSize, int proofs) {

        public Options {
            if (entries < 1 || concurrency < 1 || runs < 1 || proofSize < 0 || proofs < 1) {
                throw new IllegalArgumentException("entries, concurrency, runs and proofs must be positive, proof size not negative");
            }
        }
    }

    /**
     * Runs the benchmark and prints its progress and figures.
     *
     * @param application the Spring Boot application class to start (the server's)
     */
    public static void run(Options options, Class<?> application, PrintStream out) throws Exception {
        new AuditBenchmarkRunner(options.entries(), options.concurrency(), options.runs(), options.proofSize(),
                options.proofs(), application, out).run();
    }
}
