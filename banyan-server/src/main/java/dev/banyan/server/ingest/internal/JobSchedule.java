package dev.banyan.server.ingest.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A job's cron schedule (调度计划): the usual five fields (minute hour day-of-month month day-of-week, e.g.
 * {@code 0 2 * * *} for 02:00 every day), Spring's six (with seconds first) or a macro such as {@code @daily},
 * read in China time (Asia/Shanghai) since that is when a city's departments deliver.
 */
final class JobSchedule {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CronExpression cron;

    private JobSchedule(CronExpression cron) {
        this.cron = cron;
    }

    /** @throws IllegalArgumentException saying what is wrong with the expression */
    static JobSchedule parse(String expression) {
        String e = expression.strip();
        String[] parts = e.split("\\s+");
        String six = parts.length == 5 ? "0 " + e : e;
        return new JobSchedule(CronExpression.parse(six));
    }

    static Optional<String> problem(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first time after {@code after} the schedule fires. */
    Instant next(Instant after) {
        ZonedDateTime next = cron.next(after.atZone(ZONE));
        if (next == null) {
            throw new IllegalStateException("the schedule never fires again");
        }
        return next.toInstant();
    }
}
