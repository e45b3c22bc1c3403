package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ShareStatistics;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sharing statistics read from the call log (共享统计): closed days that were rolled up from
 * {@code share.call_daily}, every other day (today, always) summed from {@code share.call_log} on the spot with the
 * same query the rollup uses — so a figure does not change when its day is rolled up.
 */
final class CallLogStatistics implements ShareStatistics {

    /** The longest period asked at once. */
    static final int MAX_DAYS = 3660;
    /** Statuses of calls refused before any work, left out of latency figures: they would make the service look fast. */
    private static final String ANSWERED = "status not in (401, 403, 429)";

    private final JdbcClient jdbc;
    private final DepartmentDirectory directory;

    private final TransactionTemplate transactions;

    CallLogStatistics(JdbcClient jdbc, DepartmentDirectory directory, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.transactions = transactions;
    }

    // ---------------------------------------------------------------------------------------------- the calls of a period

    /**
     * The summed calls of a period as SQL, with its parameters: rolled-up days from {@code call_daily}, the others
     * summed day by day from {@code call_log} into a temporary table of the same shape (dropped at the end of the
     * transaction) — one pass over the log whatever is then asked of it, each day's groups small enough to sum in
     * memory; optionally only the calls a department made or received.
     */
    private record PeriodCalls(String sql, List<Object> parameters) {
    }

    /** Must run in a transaction: the temporary table lives until it ends. */
    private PeriodCalls periodCalls(LocalDate from, LocalDate to, String department) {
        Set<LocalDate> rolled = new HashSet<>(jdbc.sql("select day from share.call_daily_rollup where day between ? and ?")
                .params(from, to).query(LocalDate.class).list());
        String scope = department == null ? "" : " and (department = ? or service_code = any(?))";
        List<Object> scopeParameters = department == null ? List.of()
                : List.of(department, ownedServices(department).toArray(String[]::new));
        jdbc.sql("create temporary table if not exists live_calls (like share.call_daily) on commit drop").update();
        // empty it should the caller's transaction have asked before
        jdbc.sql("truncate live_calls").update();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!rolled.contains(day)) {
                List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(CallRollup.startOf(day)),
                        Timestamp.from(CallRollup.startOf(day.plusDays(1)))));
                parameters.addAll(scopeParameters);
                jdbc.sql("insert into live_calls " + CallRollup.SUMMED_CALLS.formatted("at >= ? and at < ?" + scope))
                        .params(parameters).update();
            }
        }
        List<Object> parameters = new ArrayList<>(List.of(from, to));
        parameters.addAll(scopeParameters);
        return new PeriodCalls("(select * from share.call_daily where day between ? and ?" + scope
                + " union all select * from live_calls)", parameters);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("from", "share.statistics.error.period", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("from", "share.statistics.error.tooLong", MAX_DAYS);
        }
    }

    // ---------------------------------------------------------------------------------------------- services and owners

    /** A service's names and owner, from its latest version. */
    private record ServiceInfo(String nameZh, String nameEn, long ownerId) {
    }

    private Map<String, ServiceInfo> services() {
        Map<String, ServiceInfo> services = new HashMap<>();
        jdbc.sql("select distinct on (code) code, name_zh, name_en, owner_department_id from share.service order by code, version desc")
                .query(rs -> {
                    services.put(rs.getString(1), new ServiceInfo(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return services;
    }

    private List<String> ownedServices(String department) {
        return directory.findByCode(department).map(d -> jdbc.sql(
                        "select distinct code from share.service where owner_department_id = ?").param(d.id())
                .query(String.class).list()).orElse(List.of());
    }

    // ---------------------------------------------------------------------------------------------- the report

    /** One service–consumer pair's summed calls. */
    private record Pair(String service, String department, long calls, long served, long refused, long failed,
                        long rows, long maxLatency) {
    }

    private List<Pair> pairs(PeriodCalls calls) {
        return jdbc.sql("select service_code, department, sum(calls), "
                        + "coalesce(sum(calls) filter (where status < 400), 0), "
                        + "coalesce(sum(calls) filter (where status between 400 and 499), 0), "
                        + "coalesce(sum(calls) filter (where status >= 500), 0), sum(row_count), "
                        + "coalesce(max(latency_max_us) filter (where " + ANSWERED + "), 0) "
                        + "from " + calls.sql() + " c group by service_code, department")
                .params(calls.parameters())
                .query((rs, n) -> new Pair(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    @Override
    public CallReport report(LocalDate from, LocalDate to, String department) {
        checkPeriod(from, to);
        return transactions.execute(status -> compute(from, to, department));
    }

    /** The report, within a transaction. */
    private CallReport compute(LocalDate from, LocalDate to, String department) {
        PeriodCalls calls = periodCalls(from, to, department);
        Map<String, ServiceInfo> services = services();
        Map<Long, Department> departments = directory.byId();

        // latency histograms per service and per consumer; their sum is the whole period's
        Map<String, LatencyHistogram> byService = new HashMap<>();
        Map<String, LatencyHistogram> byConsumer = new HashMap<>();
        LatencyHistogram overall = new LatencyHistogram();
        jdbc.sql("select service_code, department, u.bucket, sum(u.n) from " + calls.sql()
                        + " c, unnest(c.latency_buckets, c.latency_counts) as u(bucket, n) where " + ANSWERED
                        + " group by 1, 2, 3")
                .params(calls.parameters())
                .query(rs -> {
                    int bucket = rs.getInt(3);
                    long n = rs.getLong(4);
                    byService.computeIfAbsent(rs.getString(1), k -> new LatencyHistogram()).add(bucket, n);
                    byConsumer.computeIfAbsent(rs.getString(2), k -> new LatencyHistogram()).add(bucket, n);
                    overall.add(bucket, n);
                });

        Map<String, Counts> serviceCounts = new TreeMap<>();
        Map<String, Counts> consumerCounts = new TreeMap<>();
        Counts totals = new Counts();
        for (Pair p : pairs(calls)) {
            serviceCounts.computeIfAbsent(p.service(), k -> new Counts()).add(p, p.department());
            consumerCounts.computeIfAbsent(p.department(), k -> new Counts()).add(p, p.service());
            totals.add(p, null);
            byService.computeIfAbsent(p.service(), k -> new LatencyHistogram()).seeMax(p.maxLatency());
            byConsumer.computeIfAbsent(p.department(), k -> new LatencyHistogram()).seeMax(p.maxLatency());
            overall.seeMax(p.maxLatency());
        }
        List<ServiceFigures> perService = new ArrayList<>();
        serviceCounts.forEach((code, c) -> {
            ServiceInfo info = services.get(code);
            Department owner = info == null ? null : departments.get(info.ownerId());
            perService.add(new ServiceFigures(code, info == null ? null : info.nameZh(), info == null ? null : info.nameEn(),
                    owner == null ? null : owner.code(), c.figures(byService.get(code)), c.servedOthers(null)));
        });
        perService.sort(Comparator.comparingLong((ServiceFigures s) -> s.figures().calls()).reversed());
        List<ConsumerFigures> perConsumer = new ArrayList<>();
        consumerCounts.forEach((code, c) -> perConsumer.add(new ConsumerFigures(code, c.figures(byConsumer.get(code)),
                c.servedOthers(null))));
        perConsumer.sort(Comparator.comparingLong((ConsumerFigures s) -> s.figures().calls()).reversed());

        Map<LocalDate, DayFigures> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new DayFigures(day, 0, 0, 0, 0));
        }
        jdbc.sql("select day, sum(calls), coalesce(sum(calls) filter (where status < 400), 0), "
                        + "coalesce(sum(calls) filter (where status between 400 and 499), 0), "
                        + "coalesce(sum(calls) filter (where status >= 500), 0) from " + calls.sql() + " c group by day")
                .params(calls.parameters())
                .query(rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    days.put(day, new DayFigures(day, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        List<OutcomeFigures> outcomes = jdbc.sql("select outcome, status, sum(calls) from " + calls.sql()
                        + " c group by outcome, status order by sum(calls) desc, outcome")
                .params(calls.parameters())
                .query((rs, n) -> new OutcomeFigures(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
        return new CallReport(from, to, department, totals.figures(overall), List.copyOf(days.values()), perService,
                perConsumer, outcomes);
    }

    /** Calls added up over pairs, with the counterparts (consumers of a service, services of a consumer) served. */
    private static final class Counts {
        long calls;
        long served;
        long refused;
        long failed;
        long rows;
        final Set<String> servedCounterparts = new HashSet<>();

        void add(Pair p, String counterpart) {
            calls += p.calls();
            served += p.served();
            refused += p.refused();
            failed += p.failed();
            rows += p.rows();
            if (counterpart != null && p.served() > 0 && !counterpart.isEmpty()) {
                servedCounterparts.add(counterpart);
            }
        }

        /** Counterparts served, but for {@code self}. */
        int servedOthers(String self) {
            return (int) servedCounterparts.stream().filter(c -> !c.equals(self)).count();
        }

        CallFigures figures(LatencyHistogram latency) {
            return new CallFigures(calls, served, refused, failed, rows, latency == null ? Latency.NONE : latency.latency());
        }
    }

    // ---------------------------------------------------------------------------------------------- departments

    @Override
    public List<DepartmentSharing> sharing(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Map<String, ServiceInfo> services = services();
        Map<Long, Department> departments = directory.byId();
        Map<String, Integer> offered = new HashMap<>();
        jdbc.sql("select owner_department_id, count(*) from share.service where status = 'PUBLISHED' group by 1")
                .query(rs -> {
                    Department d = departments.get(rs.getLong(1));
                    if (d != null) {
                        offered.put(d.code(), rs.getInt(2));
                    }
                });
        Map<String, Counts> asProvider = new HashMap<>();
        Map<String, Counts> asConsumer = new HashMap<>();
        List<Pair> pairs = transactions.execute(status -> pairs(periodCalls(from, to, null)));
        for (Pair p : pairs) {
            ServiceInfo info = services.get(p.service());
            Department owner = info == null ? null : departments.get(info.ownerId());
            if (owner != null) {
                asProvider.computeIfAbsent(owner.code(), k -> new Counts()).add(p, p.department());
            }
            if (!p.department().isEmpty()) {
                asConsumer.computeIfAbsent(p.department(), k -> new Counts()).add(p, p.service());
            }
        }
        List<DepartmentSharing> sharing = new ArrayList<>();
        for (Department d : departments.values().stream().sorted(Comparator.comparingLong(Department::id)).toList()) {
            Counts provided = asProvider.getOrDefault(d.code(), new Counts());
            Counts consumed = asConsumer.getOrDefault(d.code(), new Counts());
            sharing.add(new DepartmentSharing(d.code(), offered.getOrDefault(d.code(), 0), provided.servedOthers(d.code()),
                    provided.served, provided.refused, provided.failed, provided.rows, consumed.servedOthers(null),
                    consumed.calls));
        }
        return sharing;
    }

    @Override
    public Optional<DepartmentSharing> sharing(String department, LocalDate from, LocalDate to) {
        return sharing(from, to).stream().filter(s -> s.department().equals(department)).findFirst();
    }
}
