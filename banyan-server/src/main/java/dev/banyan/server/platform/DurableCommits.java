package dev.banyan.server.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the database commit durably (同步提交) before a benchmark measures anything that commits: the embedded
 * PostgreSQL commits asynchronously unless told otherwise, which would flatter every figure that includes a commit.
 */
public final class DurableCommits {

    private DurableCommits() {
    }

    /**
     * Turns {@code synchronous_commit} on for the database (new connections of the pool pick it up) and checks it.
     *
     * @throws IllegalStateException if commits are still not durable, e.g. {@code fsync} is off
     */
    public static void require(JdbcClient jdbc, DataSource dataSource) {
        if (!"on".equals(show(jdbc, "synchronous_commit"))) {
            String database = jdbc.sql("select current_database()").query(String.class).single();
            jdbc.sql("alter database \"" + database + "\" set synchronous_commit = on").update();
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                hikari.getHikariPoolMXBean().softEvictConnections();
            }
        }
        if (!"on".equals(show(jdbc, "synchronous_commit")) || !"on".equals(show(jdbc, "fsync"))) {
            throw new IllegalStateException("the benchmark measures durable commits, but synchronous_commit or fsync is off");
        }
    }

    /** A server setting, e.g. {@code shared_buffers}. */
    public static String show(JdbcClient jdbc, String setting) {
        return jdbc.sql("show " + setting).query(String.class).single();
    }
}
