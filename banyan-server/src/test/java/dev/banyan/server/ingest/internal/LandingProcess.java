package dev.banyan.server.ingest.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.banyan.server.ingest.SourceConnectors;
import dev.banyan.server.ingest.SourceSpec;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import dev.banyan.server.catalog.ResourceField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another Banyan node in its own JVM, landing a large file with the same {@link RawLoader} the service uses, governing it as the service does, and
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
        // Governed as the service governs the test's resource: plain text fields, no key fields.
        List<String> fields = Arrays.asList(args[3].split(","));
        RowStandardiser rows = new RowStandardiser(fields.stream().map(f -> new ResourceField(f, "string", null, false,
                null, null, null, false)).toList(), FieldStandards.fuzhou());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        StandardTable table = new StandardTables(JdbcClient.create(db), tx).ensure(args[2], rows);
        var result = loader.load(args[2], fields, SourceSpec.of("csv", args[4]), null,
                "process:child", n -> {
                    out.println("progress " + n);
                    out.flush();
                }, new RawLoader.GovernPlan(rows, table, 100));
        out.println("done " + result.outcome());
        out.flush();
    }
}
