package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ShareStatistics;
import dev.banyan.server.share.ShareStatistics.CallReport;
import dev.banyan.server.share.ShareStatistics.DepartmentSharing;
import dev.banyan.server.share.ShareStatistics.ServiceFigures;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sharing statistics over call-log rows written here on days of 2020 (which no other test writes) and today: counts,
 * percentiles against PostgreSQL's exact {@code percentile_cont}, per-department figures, the rollup's idempotence,
 * and the console page and API in both languages and for each role.
 */
@BanyanServerTest
class ShareStatisticsTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final AtomicInteger DAY = new AtomicInteger();

    @Autowired
    ShareStatistics statistics;

    @Autowired
    CallRollup rollup;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** A owns service X, B owns service Y; B and C call X, A calls Y. */
    Department a;
    Department b;
    Department c;
    String x;
    String y;
    /** Two closed days of the scenario, different for each test so that they do not see each other's calls. */
    LocalDate day1;
    LocalDate day2;

    @BeforeEach
    void scenario() {
        int n = SERIAL.incrementAndGet();
        int offset = (int) Math.floorMod(System.nanoTime(), 1000L);
        a = department("stat-a" + n + "-" + offset, "统计测试甲局" + n, n * 3);
        b = department("stat-b" + n + "-" + offset, "统计测试乙局" + n, n * 3 + 1);
        c = department("stat-c" + n + "-" + offset, "统计测试丙局" + n, n * 3 + 2);
        x = "stat-x" + n + "-" + offset;
        y = "stat-y" + n + "-" + offset;
        service(x, "统计测试服务甲" + n, "Statistics test service X" + n, a);
        service(y, "统计测试服务乙" + n, "Statistics test service Y" + n, b);
        day1 = LocalDate.of(2020, 3, 2).plusDays(3L * DAY.getAndIncrement());
        day2 = day1.plusDays(1);

        // day 1: B is served 100 times (1 to 100 ms, a row each) and refused 5 times for its quota; C's 10 calls time out
        for (int i = 1; i <= 100; i++) {
            call(day1, 3600 + i, b, x, 200, "SERVED", 1, i * 1000);
        }
        for (int i = 0; i < 5; i++) {
            call(day1, 7200 + i, b, x, 429, "QUOTA_EXCEEDED", 0, 100);
        }
        for (int i = 0; i < 10; i++) {
            call(day1, 30_000 + i, c, x, 504, "UPSTREAM_TIMEOUT", 0, 3_000_000);
        }
        // day 2: C is served 50 times (2 ms, two rows each); A calls Y 20 times (0.5 ms, three rows each)
        for (int i = 0; i < 50; i++) {
            call(day2, 100 + i, c, x, 200, "SERVED", 2, 2000);
        }
        for (int i = 0; i < 20; i++) {
            call(day2, 80_000 + i, a, y, 200, "SERVED", 3, 500);
        }
    }

    private Department department(String code, String name, int serial) {
        String credit = UnifiedSocialCreditCode.of('1', '1', "350100", String.format("%08d", 77_300_000 + serial))
                .value();
        return directory.register(new NewDepartment(code, name, name + " (en)", credit, DepartmentLevel.CITY, null));
    }

    private void service(String code, String nameZh, String nameEn, Department owner) {
        jdbc.sql("""
                insert into share.service (code, version, kind, name_zh, name_en, resource_code, owner_department_id,
                                           share_type, definition, status, created_by, created_at)
                values (?, 1, 'PROXY', ?, ?, null, ?, 'CONDITIONAL', '{}'::jsonb, 'PUBLISHED', 'test', now())""")
                .params(code, nameZh, nameEn, owner.id()).update();
    }

    /** A call at a second of a China day. */
    private void call(LocalDate day, int second, Department consumer, String service, int status, String outcome,
                      int rows, int latencyMicros) {
        Instant at = CallRollup.startOf(day).plusSeconds(second);
        jdbc.sql("""
                insert into share.call_log (id, at, client_id, department, service_code, service_version, grant_id, purpose,
                                            param_hash, fields, row_count, status, outcome, latency_us, seal_id, leaf_hash)
                values (nextval('share.call_log_id'), ?, ?, ?, ?, 1, null, '测试', null, null, ?, ?, ?, ?, 0, '\\x00'::bytea)""")
                .params(Timestamp.from(at), consumer.code() + "-app", consumer.code(), service, rows, status, outcome,
                        latencyMicros)
                .update();
    }

    private static ServiceFigures service(CallReport report, String code) {
        return report.services().stream().filter(s -> s.serviceCode().equals(code)).findFirst().orElseThrow();
    }

    private static ShareStatistics.ConsumerFigures consumer(CallReport report, Department d) {
        return report.consumers().stream().filter(s -> s.department().equals(d.code())).findFirst().orElseThrow();
    }

    /** The exact percentile of the answered calls to a service over the period, as PostgreSQL computes it. */
    private double exactMillis(String service, double p) {
        return jdbc.sql("""
                select percentile_cont(?) within group (order by latency_us) from share.call_log
                where service_code = ? and status not in (401, 403, 429) and at >= ? and at < ?""")
                .params(p, service, Timestamp.from(CallRollup.startOf(day1)), Timestamp.from(CallRollup.startOf(day2.plusDays(1))))
                .query(Double.class).single() / 1000;
    }

    // ------------------------------------------------------------------------------------------------ figures

    @Test
    void countsPerServiceConsumerDayAndOutcome() {
        CallReport report = statistics.report(day1, day2, a.code());

        assertThat(report.totals().calls()).isEqualTo(185);
        assertThat(report.totals().served()).isEqualTo(170);
        assertThat(report.totals().refused()).isEqualTo(5);
        assertThat(report.totals().failed()).isEqualTo(10);
        assertThat(report.totals().rows()).isEqualTo(100 + 100 + 60);
        assertThat(report.days()).extracting(ShareStatistics.DayFigures::calls).containsExactly(115L, 70L);
        assertThat(report.days().get(0).failed()).isEqualTo(10);

        ServiceFigures sx = service(report, x);
        assertThat(sx.figures().calls()).isEqualTo(165);
        assertThat(sx.figures().failureRate()).isCloseTo(10 / 165.0, within(1e-9));
        assertThat(sx.consumers()).isEqualTo(2);
        assertThat(sx.owner()).isEqualTo(a.code());
        assertThat(sx.nameZh()).startsWith("统计测试服务甲");
        assertThat(service(report, y).figures().rows()).isEqualTo(60);
        assertThat(report.services().get(0).serviceCode()).as("busiest first").isEqualTo(x);

        assertThat(consumer(report, b).figures().calls()).isEqualTo(105);
        assertThat(consumer(report, b).figures().refusalRate()).isCloseTo(5 / 105.0, within(1e-9));
        assertThat(consumer(report, c).figures().failed()).isEqualTo(10);
        assertThat(consumer(report, a).services()).isEqualTo(1);

        assertThat(report.outcomes()).extracting(ShareStatistics.OutcomeFigures::outcome, ShareStatistics.OutcomeFigures::calls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SERVED", 170L),
                        org.assertj.core.groups.Tuple.tuple("UPSTREAM_TIMEOUT", 10L),
                        org.assertj.core.groups.Tuple.tuple("QUOTA_EXCEEDED", 5L));

        // B's view: its own calls (to X) and the calls to its service Y (by A)
        CallReport seenByB = statistics.report(day1, day1, b.code());
        assertThat(seenByB.totals().calls()).isEqualTo(105);
        assertThat(seenByB.consumers()).extracting(ShareStatistics.ConsumerFigures::department).containsExactly(b.code());
    }

    @Test
    void latencyPercentilesAreWithinHalfABucketOfPercentileCont() {
        CallReport report = statistics.report(day1, day2, a.code());
        ShareStatistics.Latency latency = service(report, x).figures().latency();
        // the 5 quota refusals are left out: 100 calls of 1–100 ms, 10 of 3 s, 50 of 2 ms
        assertThat(latency.calls()).isEqualTo(160);
        assertThat(latency.p50Millis()).isCloseTo(exactMillis(x, 0.50), within(exactMillis(x, 0.50) * 0.05));
        assertThat(latency.p95Millis()).isCloseTo(exactMillis(x, 0.95), within(exactMillis(x, 0.95) * 0.05));
        assertThat(latency.p99Millis()).isCloseTo(exactMillis(x, 0.99), within(exactMillis(x, 0.99) * 0.05));
        assertThat(latency.maxMillis()).isEqualTo(3000.0);
        assertThat(service(report, y).figures().latency().p50Millis()).isCloseTo(0.5, within(0.025));
    }

    @Test
    void departmentsSharingFigures() {
        List<DepartmentSharing> all = statistics.sharing(day1, day2);
        DepartmentSharing sa = all.stream().filter(s -> s.department().equals(a.code())).findFirst().orElseThrow();
        assertThat(sa).isEqualTo(new DepartmentSharing(a.code(), 1, 2, 150, 5, 10, 200, 1, 20));
        assertThat(statistics.sharing(b.code(), day1, day2)).contains(new DepartmentSharing(b.code(), 1, 1, 20, 0, 0, 60, 1, 105));
        assertThat(statistics.sharing(c.code(), day1, day2)).contains(new DepartmentSharing(c.code(), 0, 0, 0, 0, 0, 0, 1, 60));
        assertThat(statistics.sharing("no-such-department", day1, day2)).isEmpty();
    }

    @Test
    void rollingUpChangesNoFigureAndRollingUpAgainChangesNothing() {
        CallReport live = statistics.report(day1, day2, a.code());
        List<DepartmentSharing> liveSharing = statistics.sharing(day1, day2);

        assertThat(rollup.rollUp(day1)).isEqualTo(115);
        assertThat(rollup.rollUp(day2)).isGreaterThanOrEqualTo(70);
        CallReport rolled = statistics.report(day1, day2, a.code());
        assertThat(rolled).isEqualTo(live);
        assertThat(statistics.sharing(day1, day2)).isEqualTo(liveSharing);
        long rows = jdbc.sql("select count(*) from share.call_daily where day = ?").param(day1).query(Long.class).single();
        assertThat(rows).as("B served, B refused, C failed").isEqualTo(3);

        assertThat(rollup.rollUp(day1)).isEqualTo(115);
        assertThat(jdbc.sql("select count(*) from share.call_daily where day = ?").param(day1).query(Long.class).single())
                .isEqualTo(rows);
        assertThat(statistics.report(day1, day2, a.code())).isEqualTo(live);

        // a late record of a rolled-up day counts once its day is recomputed: the day's rows are replaced
        call(day1, 86_000, c, x, 200, "SERVED", 4, 1500);
        assertThat(statistics.report(day1, day1, a.code()).totals().calls()).isEqualTo(115);
        assertThat(rollup.rollUp(day1)).isEqualTo(116);
        assertThat(statistics.report(day1, day1, a.code()).totals().calls()).isEqualTo(116);
    }

    @Test
    void todayIsComputedLiveAndNeverRolledUp() {
        LocalDate today = LocalDate.now(CallRollup.ZONE);
        Instant now = Instant.now();
        int second = (int) java.time.Duration.between(CallRollup.startOf(today), now).toSeconds();
        for (int i = 0; i < 7; i++) {
            call(today, Math.max(0, second - 1), b, x, 200, "SERVED", 1, 10_000);
        }
        CallReport report = statistics.report(today, today, b.code());
        assertThat(consumer(report, b).figures().calls()).isEqualTo(7);
        assertThat(report.days()).hasSize(1);
        assertThatThrownBy(() -> rollup.rollUp(today)).isInstanceOf(IllegalArgumentException.class);
        assertThat(rollup.lastClosedDay()).isBefore(today);
    }

    @Test
    void aReversedPeriodIsRefused() {
        assertThatThrownBy(() -> statistics.report(day2, day1, null)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).messageCode())
                        .isEqualTo("share.statistics.error.period"));
        assertThatThrownBy(() -> statistics.sharing(day1, day1.plusYears(11))).isInstanceOf(InvalidInputException.class);
    }

    // ------------------------------------------------------------------------------------------------ console and API

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username, Long department, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, "statistics-test-2026", department, Set.of(role)));
        }
        return user(username).roles(role.name());
    }

    @Test
    void theConsolePageShowsTheFiguresInBothLanguages() throws Exception {
        var admin = user("share-statistics-admin").roles("PLATFORM_ADMIN");
        mvc.perform(get("/console/share/statistics").param("from", day1.toString()).param("to", day2.toString())
                        .param("department", a.code()).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共享统计")))
                .andExpect(content().string(containsString("每日调用量")))
                .andExpect(content().string(containsString("按调用部门")))
                .andExpect(content().string(containsString(x)))
                .andExpect(content().string(containsString("统计测试服务甲")))
                .andExpect(content().string(containsString(b.nameZh())))
                .andExpect(content().string(containsString("UPSTREAM_TIMEOUT")))
                // service X's calls and its p99 (the ten timeouts of 3 s), in the table's cells
                .andExpect(content().string(containsString(">165</td>")))
                .andExpect(content().string(containsString(">3,000.0</td>")))
                .andExpect(content().string(containsString("id=\"calls-chart\"")))
                .andExpect(content().string(containsString("<polyline class=\"all\"")))
                .andExpect(content().string(containsString(day1 + "：调用 115 次，拒绝或失败 15 次")));
        mvc.perform(get("/console/share/statistics").param("from", day1.toString()).param("to", day2.toString())
                        .with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sharing statistics")))
                .andExpect(content().string(containsString("Per consumer department")))
                .andExpect(content().string(containsString("Statistics test service X")))
                .andExpect(content().string(containsString(b.nameEn())))
                .andExpect(content().string(containsString("Sharing by department")));
        mvc.perform(get("/console/share/statistics").param("from", "yesterday").with(admin))
                .andExpect(status().isBadRequest());
        // the menu entry
        mvc.perform(get("/").with(admin)).andExpect(content().string(containsString("href=\"/console/share/statistics\"")));
    }

    @Test
    void aChiefDataOfficerSeesTheirDepartmentOnlyAndOthersNothing() throws Exception {
        var cdo = as("stat.cdo." + c.code(), c.id(), Role.CHIEF_DATA_OFFICER);
        mvc.perform(get("/console/share/statistics").param("from", day1.toString()).param("to", day2.toString())
                        // asking for another department changes nothing
                        .param("department", a.code()).with(cdo).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(c.nameEn())))
                .andExpect(content().string(containsString(x)))
                .andExpect(content().string(not(containsString(y))))
                .andExpect(content().string(not(containsString(b.nameEn()))));
        var auditor = as("stat.auditor", null, Role.AUDITOR);
        mvc.perform(get("/console/share/statistics").with(auditor)).andExpect(status().isOk());
        var liaison = as("stat.liaison." + c.code(), c.id(), Role.DATA_LIAISON);
        mvc.perform(get("/console/share/statistics").with(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/").with(liaison)).andExpect(content().string(not(containsString("href=\"/console/share/statistics\""))));
    }

    @Test
    void theApiAnswersWithTheAuditScopeOnly() throws Exception {
        mvc.perform(get("/api/v1/share/statistics").param("from", day1.toString()).param("to", day2.toString())
                        .param("department", a.code())
                        .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_audit.read"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.calls").value(185))
                .andExpect(jsonPath("$.days.length()").value(2))
                .andExpect(jsonPath("$.services[0].serviceCode").value(x));
        mvc.perform(get("/api/v1/share/statistics/departments").param("from", day1.toString()).param("to", day2.toString())
                        .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_audit.read"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.department == '" + a.code() + "')].callsServed").value(150));
        mvc.perform(get("/api/v1/share/statistics").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_catalog.read"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/share/statistics").param("from", "2020-13-01")
                        .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_audit.read"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
