package dev.banyan.server.share;

import java.io.PrintStream;

/**
 * {@code ./banyan bench gateway} (共享网关基准): authenticated key lookups through the whole gateway — JWT check, grant,
 * field projection and masking, call log with its evidence seal, committed durably before each answer — driven over
 * HTTP on loopback, beside the same lookups made directly against PostgreSQL ({@code pgbench -S} style: prepared
 * point selects on a connection per client at full concurrency) in the same run; prints both, and their ratio. The
 * issue's goal: ≥ 10,000 requests/s with p99 ≤ 20 ms on 2 cores, at least a third of the direct rate.
 */
public final class GatewayBenchmark {

    /**
     * @param persons     residents of the generated city whose household register is looked up
     * @param connections concurrent HTTP connections, and direct PostgreSQL clients
     * @param seconds     duration of each timed run
     * @param runs        timed runs of each; medians are reported
     */
    public record Options(int persons, int connections, double seconds, int runs) {
    }

    private GatewayBenchmark() {
    }

    public static void run(Options options, Class<?> application, PrintStream out) throws Exception {
        dev.banyan.server.share.internal.GatewayBenchmarkRunner.run(options, application, out);
    }
}
