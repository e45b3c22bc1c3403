package dev.banyan.server.share.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Rolls up the call log's closed days on a schedule (日汇总任务), every hour by default
 * ({@code banyan.share.rollup-interval}); off with {@code banyan.share.rollup.enabled=false}. Rolling up is
 * idempotent and serialised per day in the database, so several nodes may run it.
 */
final class CallRollupJob {

    private static final Logger log = LoggerFactory.getLogger(CallRollupJob.class);

    private final CallRollup rollup;

    CallRollupJob(CallRollup rollup) {
        this.rollup = rollup;
    }

    @Scheduled(initialDelayString = "${banyan.share.rollup-initial-delay:PT10M}",
            fixedDelayString = "${banyan.share.rollup-interval:PT1H}")
    void rollUpClosedDays() {
        try {
            int days = rollup.rollUpClosedDays();
            if (days > 0) {
                log.info("Call log rolled up for {} closed day(s)", days);
            }
        } catch (RuntimeException e) {
            log.warn("Rolling up the call log failed; the next run tries again", e);
        }
    }
}
