package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.web.HomeFigure;
import dev.banyan.server.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the identity module adds to the console's menu and home page. */
@Configuration(proxyBeanMethods = false)
class IdentityConsole {

    private static final String ADMIN = Role.PLATFORM_ADMIN.name();

    @Bean
    NavigationItem departmentsNavigation() {
        return new NavigationItem("/console/departments", "nav.departments", "card.departments", 900, Set.of(ADMIN));
    }

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("/console/users", "nav.users", "card.users", 910, Set.of(ADMIN));
    }

    @Bean
    NavigationItem clientsNavigation() {
        return new NavigationItem("/console/clients", "nav.clients", "card.clients", 920,
                Set.of(ADMIN, Role.CHIEF_DATA_OFFICER.name(), Role.DEPARTMENT_DEVELOPER.name()));
    }

    @Bean
    HomeFigure departmentsFigure(DepartmentDirectory departments) {
        return new HomeFigure("home.stats.departments", 10, departments::count);
    }

    @Bean
    HomeFigure usersFigure(UserAccounts users) {
        return new HomeFigure("home.stats.users", 20, users::count);
    }

    @Bean
    HomeFigure clientsFigure(MachineClients clients) {
        return new HomeFigure("home.stats.clients", 30, () -> clients.all().size());
    }
}
