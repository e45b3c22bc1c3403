package dev.banyan.server.share.internal;

import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.share.ShareStatistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing statistics' machine API (共享统计接口), for the city's dashboards and assessment: the same figures as
 * the console's statistics page. The figures are derived from the call log, which is sealed into the evidence log, so
 * they take the same scope as reading that log, {@code audit.read}, which only the administrator grants.
 */
@RestController
@RequestMapping("/api/v1/share/statistics")
@Tag(name = "Share statistics", description = "Calls per service, consumer and day, latency, sharing figures (共享统计)")
@SecurityRequirement(name = "oauth2")
class StatisticsApi {

    private final ShareStatistics statistics;

    StatisticsApi(ShareStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    @Operation(summary = "Calls of a period (default: the last 30 days): totals, per day, per service, per consumer, per outcome")
    ShareStatistics.CallReport report(
            @Parameter(description = "first day, ISO date, China time") @RequestParam(required = false) String from,
            @Parameter(description = "last day, ISO date, included") @RequestParam(required = false) String to,
            @Parameter(description = "only the calls to this department's services and by it") @RequestParam(required = false) String department,
            Authentication caller) {
        authorise(caller);
        StatisticsPeriod period = StatisticsPeriod.of(from, to);
        return statistics.report(period.from(), period.to(), department == null || department.isBlank() ? null : department.strip());
    }

    @GetMapping("/departments")
    @Operation(summary = "Every department's sharing figures of a period, as provider and as consumer")
    List<ShareStatistics.DepartmentSharing> departments(@RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to, Authentication caller) {
        authorise(caller);
        StatisticsPeriod period = StatisticsPeriod.of(from, to);
        return statistics.sharing(period.from(), period.to());
    }

    private static void authorise(Authentication caller) {
        if (caller == null || caller.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals("SCOPE_" + ApiScopes.AUDIT_READ))) {
            throw new AccessDeniedException("the sharing statistics need the scope " + ApiScopes.AUDIT_READ);
        }
    }
}
