package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.CatalogPermissionException;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import java.security.Principal;
import dev.banyan.server.identity.ApiScopes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns the caller into a {@link CatalogActor}: a console user with their roles and department, or a machine
 * client, which acts as a data liaison of its own department (scope {@code catalog.write}), as its chief data
 * officer too with {@code catalog.submit}, and as the platform administrator with {@code catalog.review}.
 */
@Component
class CatalogActors {

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;

    CatalogActors(UserAccounts accounts, DepartmentDirectory departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    CatalogActor of(Principal principal) {
        UserAccount account = accounts.findByUsername(principal.getName())
                .orElseThrow(() -> new CatalogPermissionException("error.catalog.permission.unknownUser"));
        return new CatalogActor(account.username(), account.departmentId(), account.roles());
    }

    CatalogActor of(Jwt token) {
        Object department = token.getClaims().get("department");
        Long departmentId = department == null ? null
                : departments.findByCode(department.toString()).map(d -> d.id()).orElse(null);
        // The client acts with the roles its scopes stand for; only a person holding a role may grant its scope.
        List<String> scopes = token.getClaimAsStringList("scope") == null ? List.of() : token.getClaimAsStringList("scope");
        Set<Role> roles = EnumSet.of(Role.DATA_LIAISON);
        if (scopes.contains(ApiScopes.CATALOG_SUBMIT)) {
            roles.add(Role.CHIEF_DATA_OFFICER);
        }
        if (scopes.contains(ApiScopes.CATALOG_REVIEW)) {
            roles.add(Role.PLATFORM_ADMIN);
        }
        return new CatalogActor("client:" + token.getSubject(), departmentId, roles);
    }
}
