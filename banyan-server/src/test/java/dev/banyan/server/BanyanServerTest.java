package dev.banyan.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test of the whole server on a real embedded PostgreSQL, wiped at the start of the test run. Every test
 * class uses exactly this configuration, so that they share one application context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "banyan.data-dir=target/test-data",
        "banyan.db.clean-embedded=true",
        "banyan.login.lock-duration=15m",
        // Tests run scheduled jobs themselves (JobScheduler.runDueJobs), never behind their back.
        "banyan.ingest.scheduler.initial-delay=PT24H",
        "banyan.fuse.scheduler.enabled=false",
        "banyan.share.webhooks.scheduler.enabled=false",
        "banyan.share.rollup.enabled=false"
})
@AutoConfigureMockMvc
public @interface BanyanServerTest {
}
