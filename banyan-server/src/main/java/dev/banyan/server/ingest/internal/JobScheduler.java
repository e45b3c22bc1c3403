package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.IngestJob;
import dev.banyan.server.ingest.IngestResult;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the scheduled ingest jobs when they are due (定时采集). Every node looks every half minute; a node claims a due
 * run by moving the job's next run on in one conditional update, so each run happens once across the cluster. A run
 * that a crash interrupts left nothing behind; the next one lands the source afresh (a file that did land is
 * recognised by its fingerprint and not landed twice).
 */
class JobScheduler {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final JobStore jobs;
    private final IngestJobService service;
    private final RunningJobs running;
    private final Clock clock;

    JobScheduler(JobStore jobs, IngestJobService service, RunningJobs running, Clock clock) {
        this.jobs = jobs;
        this.service = service;
        this.running = running;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${banyan.ingest.scheduler.initial-delay:PT30S}",
            fixedDelayString = "${banyan.ingest.scheduler.delay:PT30S}")
    void runDueJobs() {
        Instant now = clock.instant();
        for (IngestJob job : jobs.due(now)) {
            if (running.isRunning(job.id())) {
                continue;
            }
            Instant next = JobSchedule.parse(job.schedule()).next(now);
            if (!jobs.claim(job.id(), job.nextRunAt(), next)) {
                continue;
            }
            try {
                IngestResult result = service.run(job.id(), "scheduler", n -> { });
                log.info("Scheduled job {} ({}): {} batch {}", job.id(), job.name(), result.outcome(), result.batch().id());
            } catch (RuntimeException e) {
                log.warn("Scheduled job {} ({}) could not run: {}", job.id(), job.name(), e.getMessage());
            }
        }
    }
}
