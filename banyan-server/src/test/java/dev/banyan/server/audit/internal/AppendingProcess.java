package dev.banyan.server.audit.internal;

import java.io.PrintStream;
import java.time.Clock;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second Banyan node in its own JVM, appending to the same log as fast as it can and printing each entry as soon as
 * the log acknowledges it; the durability test kills it with SIGKILL mid-stream.
 */
public final class AppendingProcess {

    public static void main(String[] args) throws Exception {
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(args[0]);
        db.setUsername(args[1]);
        db.setMaximumPoolSize(2);
        JdbcClient jdbc = JdbcClient.create(db);
        Sequencer sequencer = new Sequencer(new LogStore(jdbc), new TransactionTemplate(new DataSourceTransactionManager(db)),
                Clock.systemUTC(), 256);
        PrintStream out = System.out;
        for (int t = 0; t < 16; t++) {
            int appender = t;
            Thread.ofVirtual().start(() -> {
                for (int i = 0; ; i++) {
                    String subject = "durability:" + args[2] + ":" + appender + ":" + i;
                    long index = sequencer.submit("test.durability", "process:child", subject, "{}").join().index();
                    synchronized (out) {
                        out.println("ack " + index + " " + subject);
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
