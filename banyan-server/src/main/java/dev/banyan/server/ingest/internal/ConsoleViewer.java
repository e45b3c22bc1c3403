package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking at an ingest page (查看者): the platform administrator sees every resource ({@code resources == null});
 * a chief data officer, liaison or developer their own department's resources.
 */
record ConsoleViewer(Department department, Set<String> resources) {

    /** Who sees the ingest pages. */
    static final Set<Role> ROLES = Set.of(Role.PLATFORM_ADMIN, Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON,
            Role.DEPARTMENT_DEVELOPER);

    static ConsoleViewer of(Authentication user, UserAccounts accounts, DepartmentDirectory departments, Catalog catalog) {
        Set<String> authorities = user == null ? Set.of() : user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (ROLES.stream().noneMatch(r -> authorities.contains(r.authority()))) {
            throw new AccessDeniedException("the ingest pages are for the platform administrator and departments' staff");
        }
        if (authorities.contains(Role.PLATFORM_ADMIN.authority())) {
            return new ConsoleViewer(null, null);
        }
        Optional<Department> department = accounts.findByUsername(user.getName()).map(UserAccount::departmentId)
                .flatMap(departments::find);
        Set<String> codes = department.map(d -> catalog.ofProvider(d.id()).stream().map(Resource::code)
                .collect(Collectors.toSet())).orElse(Set.of());
        return new ConsoleViewer(department.orElse(null), codes);
    }

    boolean sees(String resourceCode) {
        return resources == null || resources.contains(resourceCode);
    }

    /** Whether the person may create and run jobs: not a developer, who only reads. */
    static boolean mayManage(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(a ->
                a.equals(Role.PLATFORM_ADMIN.authority()) || a.equals(Role.CHIEF_DATA_OFFICER.authority())
                        || a.equals(Role.DATA_LIAISON.authority()));
    }
}
