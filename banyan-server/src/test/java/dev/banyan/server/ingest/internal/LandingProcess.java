package dev.banyan.server.ingest.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.banyan.server.ingest.SourceConnectors;
import dev.banyan.server.ingest.SourceSpec;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another Banyan node in its own JVM, landing a large file with the same {@link RawLoader} the service uses and
 * printing its progress; the crash test kills it with SIGKILL in the middle of the batch.
 *
 * <p>Arguments: JDBC URL, user, resource code, comma-separated field names, file.
 */
public final class LandingProcess {

    public static void main(String[] args) {
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(args[0]);
        db.setUsername(args[1]);
        db.setMaximumPoolSize(2);
        RawLoader loader = new RawLoader(db, new TransactionTemplate(new DataSourceTransactionManager(db)),
                SourceConnectors.builtIn(), evidence -> { }, Clock.systemUTC());
        PrintStream out = System.out;
        var result = loader.load(args[2], Arrays.asList(args[3].split(",")), SourceSpec.of("csv", args[4]), null,
                "process:child", n -> {
                    out.println("progress " + n);
                    out.flush();
                });
        out.println("done " + result.outcome());
        out.flush();
    }
}
