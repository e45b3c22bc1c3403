package dev.banyan.server.share;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Sharing statistics (共享统计) from the call log: calls per service, consumer department and day, refusals and
 * failures by outcome, latency percentiles, and each department's figures as provider and consumer — what the console
 * shows and the assessment of departments (考核评估) scores. Days are China days (Asia/Shanghai); a period runs from
 * {@code from} to {@code to}, both included. A call counts as <em>served</em> with a status below 400, as
 * <em>refused</em> with a 4xx status (no grant, quota, bad parameter, not found) and as <em>failed</em> with a 5xx
 * status (an error of the exchange or of an upstream interface). Latency percentiles leave out the calls refused
 * before any work (401, 403, 429), and are read from a histogram of eight buckets per doubling: within about 4.5 %.
 */
public interface ShareStatistics {

    /**
     * The figures of a period, for the whole city ({@code department} null) or for one department's view: the calls
     * to the services it owns and the calls it made.
     *
     * @throws dev.banyan.server.platform.InvalidInputException when the period is reversed or longer than ten years
     */
    CallReport report(LocalDate from, LocalDate to, String department);

    /** Every department's sharing figures in a period, as provider and as consumer, by department code. */
    List<DepartmentSharing> sharing(LocalDate from, LocalDate to);

    /** One department's sharing figures in a period; empty for an unknown department code. */
    Optional<DepartmentSharing> sharing(String department, LocalDate from, LocalDate to);

    /** Latency percentiles in milliseconds over {@code calls} calls; zeros when there were none. */
    record Latency(long calls, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

        public static final Latency NONE = new Latency(0, 0, 0, 0, 0);
    }

    /** Counts of calls. */
    record CallFigures(long calls, long served, long refused, long failed, long rows, Latency latency) {

        /** The share of calls that failed (5xx), 0–1. */
        public double failureRate() {
            return calls == 0 ? 0 : (double) failed / calls;
        }

        /** The share of calls refused (4xx), 0–1. */
        public double refusalRate() {
            return calls == 0 ? 0 : (double) refused / calls;
        }
    }

    /** One day's calls. */
    record DayFigures(LocalDate day, long calls, long served, long refused, long failed) {
    }

    /**
     * One service's calls.
     *
     * @param owner     the code of the department that owns it; null for calls to a code never published
     * @param consumers how many departments it served
     */
    record ServiceFigures(String serviceCode, String nameZh, String nameEn, String owner, CallFigures figures,
                          int consumers) {

        public String name(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank()
                    ? (nameZh == null ? serviceCode : nameZh) : nameEn;
        }
    }

    /**
     * One consumer department's calls.
     *
     * @param department the department's code; empty for callers not identified (no or a bad token)
     * @param services   how many services served it
     */
    record ConsumerFigures(String department, CallFigures figures, int services) {
    }

    /** Calls by outcome, e.g. {@code QUOTA_EXCEEDED} with status 429. */
    record OutcomeFigures(String outcome, int status, long calls) {
    }

    /** The figures of a period: totals, per day (every day of the period), per service, per consumer, per outcome. */
    record CallReport(LocalDate from, LocalDate to, String department, CallFigures totals, List<DayFigures> days,
                      List<ServiceFigures> services, List<ConsumerFigures> consumers, List<OutcomeFigures> outcomes) {
    }

    /**
     * A department's sharing figures (部门共享指标).
     *
     * @param servicesOffered services it owns that are published now
     * @param consumersServed other departments its services served in the period
     * @param callsServed     calls to its services served
     * @param callsRefused    calls to its services refused (4xx)
     * @param callsFailed     calls to its services failed (5xx)
     * @param rowsDelivered   rows its services delivered
     * @param servicesUsed    services of any owner that served it, as consumer
     * @param callsMade       calls it made, as consumer
     */
    record DepartmentSharing(String department, int servicesOffered, int consumersServed, long callsServed,
                             long callsRefused, long callsFailed, long rowsDelivered, int servicesUsed, long callsMade) {
    }
}
