package dev.banyan.server.catalog;

/**
 * How one department answers demand requests (需求响应指标), for the assessment module.
 *
 * @param departmentId  null for requests the platform answers
 * @param onTime        answered by the deadline
 * @param openOverdue   still open after the deadline
 * @param meanHours     mean time to answer, in hours, over answered requests (0 when none)
 */
public record DemandMetrics(Long departmentId, int received, int answered, int onTime, int openOverdue, double meanHours) {

    /** Share of received requests answered on time, 0–1. */
    public double onTimeRate() {
        return received == 0 ? 1.0 : (double) onTime / received;
    }
}
