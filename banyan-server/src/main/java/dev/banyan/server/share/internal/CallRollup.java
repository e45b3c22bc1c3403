package dev.banyan.server.share.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily rollup of the call log (调用日志日汇总): a closed day's calls summed per service, consumer department,
 * outcome and status, with a latency histogram, into {@code share.call_daily}. Rolling up a day replaces its rows in
 * one transaction, so it can be repeated — after late log records, or to recompute — and always gives the same
 * rows. A day counts as closed {@link #GRACE} after its end, by when the gateway's log writer has written its calls.
 */
final class CallRollup {

    /** China days: the city's departments count calls by their working day. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How long after midnight a day is rolled up: longer than the call log writer takes to write a batch. */
    static final Duration GRACE = Duration.ofMinutes(10);

    /**
     * The call log summed per day, service, department, outcome and status with a sparse latency histogram, over
     * the calls matching a condition on {@code at} ({@code %s}); the same columns, in order, as {@code call_daily}.
     */
    static final String SUMMED_CALLS = """
            select day, service_code, department, outcome, status, sum(n)::bigint as calls, sum(r)::bigint as row_count,
                   sum(l)::bigint as latency_sum_us, max(m) as latency_max_us,
                   array_agg(bucket order by bucket)::smallint[] as latency_buckets,
                   array_agg(n order by bucket)::bigint[] as latency_counts
            from (select (at at time zone 'Asia/Shanghai')::date as day, service_code, coalesce(department, '') as department,
                         outcome, status, %s as bucket,
                         count(*) as n, sum(row_count) as r, sum(latency_us) as l, max(latency_us) as m
                  from share.call_log where %s
                  group by 1, 2, 3, 4, 5, 6) b
            group by day, service_code, department, outcome, status""".formatted(LatencyHistogram.SQL_BUCKET, "%s");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CallRollup(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The start of a China day as an instant. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The last day that is closed now. */
    LocalDate lastClosedDay() {
        return LocalDate.ofInstant(clock.instant().minus(GRACE), ZONE).minusDays(1);
    }

    /**
     * Rolls up one closed day, replacing whatever rows it had; returns its calls.
     *
     * @throws IllegalArgumentException for a day not closed yet: its figures are still changing
     */
    long rollUp(LocalDate day) {
        if (day.isAfter(lastClosedDay())) {
            throw new IllegalArgumentException(day + " is not closed yet");
        }
        Long calls = transactions.execute(status -> {
            // one rollup of a day at a time, across nodes: two at once would each insert the day's rows
            jdbc.sql("select pg_advisory_xact_lock(hashtext('banyan.share.call-rollup'), ?)")
                    .param((int) day.toEpochDay()).query((rs, n) -> 0).list();
            jdbc.sql("delete from share.call_daily where day = ?").param(day).update();
            jdbc.sql("insert into share.call_daily (day, service_code, department, outcome, status, calls, row_count, "
                            + "latency_sum_us, latency_max_us, latency_buckets, latency_counts) "
                            + SUMMED_CALLS.formatted("at >= ? and at < ?"))
                    .params(Timestamp.from(startOf(day)), Timestamp.from(startOf(day.plusDays(1)))).update();
            long total = jdbc.sql("select coalesce(sum(calls), 0) from share.call_daily where day = ?").param(day)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into share.call_daily_rollup (day, calls, rolled_at) values (?, ?, ?)
                    on conflict (day) do update set calls = excluded.calls, rolled_at = excluded.rolled_at""")
                    .params(day, total, Timestamp.from(clock.instant())).update();
            return total;
        });
        return calls == null ? 0 : calls;
    }

    /**
     * Rolls up every closed day not rolled up yet, from the day after the last one rolled up (or the first day of
     * the call log) to the last closed day; returns how many days.
     */
    int rollUpClosedDays() {
        LocalDate last = lastClosedDay();
        Optional<LocalDate> rolled = jdbc.sql("select max(day) from share.call_daily_rollup").query(LocalDate.class).optional();
        LocalDate first = rolled.map(d -> d.plusDays(1)).orElseGet(() -> jdbc.sql("select min(at) from share.call_log")
                .query(Timestamp.class).optional().map(t -> LocalDate.ofInstant(t.toInstant(), ZONE)).orElse(null));
        int days = 0;
        for (LocalDate day = first; day != null && !day.isAfter(last); day = day.plusDays(1)) {
            rollUp(day);
            days++;
        }
        return days;
    }
}
