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
import org.springframework.stereotype.Component;

/**
 * Who is looking at an ingest page (查看范围): the platform administrator of the big-data bureau sees every resource;
 * a department's staff of the allowed roles the resources their department provides (from the catalog's public API).
 */
@Component
class IngestViewers {

    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final UserAccounts accounts;

    IngestViewers(Catalog catalog, DepartmentDirectory departments, UserAccounts accounts) {
        this.catalog = catalog;
        this.departments = departments;
        this.accounts = accounts;
    }

    /**
     * A viewer: {@code resources == null} for the administrator (every resource), else their department's resources.
     *
     * @param department the viewer's department, or null for the administrator (or a person without one)
     */
    record Viewer(String username, Department department, Set<String> resources) {

        boolean all() {
            return resources == null;
        }

        boolean maySee(String resourceCode) {
            return resources == null || resources.contains(resourceCode);
        }

        /** Refuses (403) a resource of another department. */
        void requireSees(String resourceCode) {
            if (!maySee(resourceCode)) {
                throw new AccessDeniedException("resource " + resourceCode + " is another department's");
            }
        }
    }

    /** The viewer, if they have one of the roles; 403 otherwise. */
    Viewer of(Authentication user, Set<Role> roles) {
        Set<String> authorities = user == null ? Set.of() : user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (roles.stream().noneMatch(r -> authorities.contains(r.authority()))) {
            throw new AccessDeniedException("this ingest page is not for " + (user == null ? "anonymous" : user.getName()));
        }
        if (authorities.contains(Role.PLATFORM_ADMIN.authority()) && roles.contains(Role.PLATFORM_ADMIN)) {
            return new Viewer(user.getName(), null, null);
        }
        Optional<Department> department = accounts.findByUsername(user.getName()).map(UserAccount::departmentId)
                .flatMap(departments::find);
        Set<String> codes = department.map(d -> catalog.ofProvider(d.id()).stream().map(Resource::code)
                .collect(Collectors.toSet())).orElse(Set.of());
        return new Viewer(user.getName(), department.orElse(null), codes);
    }
}
