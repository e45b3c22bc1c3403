package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ShareStatistics;
import dev.banyan.server.web.NavigationItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sharing statistics (共享统计): totals, calls per day, and tables per service and per consumer
 * department with refusals, failures and latency percentiles, for a period (the last 30 days unless chosen). The
 * platform administrator and auditors see the whole city, or one department, and every department's sharing figures;
 * a chief data officer sees their own department: the calls to the services it owns and the calls it made.
 */
@Controller
@RequestMapping("/console/share/statistics")
class StatisticsConsole {

    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.AUDITOR);
    private final ShareStatistics statistics;
    private final DepartmentDirectory directory;
    private final UserAccounts accounts;
    private final CallRollup rollup;

    StatisticsConsole(ShareStatistics statistics, DepartmentDirectory directory, UserAccounts accounts, CallRollup rollup) {
        this.statistics = statistics;
        this.directory = directory;
        this.accounts = accounts;
        this.rollup = rollup;
    }

    @Bean
    static NavigationItem shareStatisticsNavigation() {
        return new NavigationItem("/console/share/statistics", "share.statistics.nav", "share.statistics.nav.description",
                460, ROLES.stream().map(Role::name).collect(Collectors.toSet()));
    }

    @GetMapping
    String statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String department, Authentication user, Model model,
                      Locale locale) {
        Set<String> roles = roles(user);
        boolean cityWide = roles.contains(Role.PLATFORM_ADMIN.authority()) || roles.contains(Role.AUDITOR.authority());
        String viewed;
        if (cityWide) {
            viewed = department == null || department.isBlank() ? null : department.strip();
            if (viewed != null && directory.findByCode(viewed).isEmpty()) {
                throw new InvalidInputException("department", "share.statistics.error.department", viewed);
            }
        } else {
            // a chief data officer sees their own department, whatever the address asks for
            viewed = accounts.findByUsername(user.getName()).map(UserAccount::departmentId)
                    .flatMap(directory::find).map(Department::code)
                    .orElseThrow(() -> new AccessDeniedException("a chief data officer without a department has no statistics"));
        }
        StatisticsPeriod period = StatisticsPeriod.of(from, to);
        ShareStatistics.CallReport report = statistics.report(period.from(), period.to(), viewed);

        Map<String, String> names = new LinkedHashMap<>();
        List<Department> departments = directory.all();
        departments.forEach(d -> names.put(d.code(), d.name(locale)));
        model.addAttribute("report", report);
        model.addAttribute("chart", DailyCallsChart.of(report.days()));
        model.addAttribute("departmentNames", names);
        model.addAttribute("departments", departments);
        model.addAttribute("cityWide", cityWide);
        model.addAttribute("viewed", viewed);
        model.addAttribute("viewedName", viewed == null ? null : names.get(viewed));
        model.addAttribute("lastClosedDay", rollup.lastClosedDay());
        List<ShareStatistics.DepartmentSharing> sharing = viewed == null
                ? statistics.sharing(period.from(), period.to()).stream().filter(StatisticsConsole::active).toList()
                : statistics.sharing(viewed, period.from(), period.to()).map(List::of).orElse(List.of());
        model.addAttribute("sharing", sharing);
        return "share/statistics";
    }

    /** Whether a department did anything worth a row: offered a service or called one. */
    private static boolean active(ShareStatistics.DepartmentSharing s) {
        return s.servicesOffered() > 0 || s.callsMade() > 0 || s.callsServed() + s.callsRefused() + s.callsFailed() > 0;
    }

    private static Set<String> roles(Authentication user) {
        Set<String> authorities = user == null ? Set.of() : user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (ROLES.stream().noneMatch(r -> authorities.contains(r.authority()))) {
            throw new AccessDeniedException("sharing statistics are for the platform administrator, chief data officers and auditors");
        }
        return authorities;
    }
}
