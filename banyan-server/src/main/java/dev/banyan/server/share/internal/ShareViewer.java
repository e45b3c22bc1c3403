package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.share.DataService;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The person looking at an exchange page (当前用户), as the console decides what to offer them — mirroring the rules
 * that the services enforce again: a department's staff (chief data officer, data liaison, developer) publish their
 * department's services, apply for others' and try them; the owner's chief data officer decides applications; the
 * administrator may do all of it.
 *
 * @param account    their account, or null when the signed-in name has none (they only read)
 * @param department their department, or null (the administrator, an auditor)
 */
record ShareViewer(UserAccount account, Department department) {

    /** The roles that make a person a department's staff for the exchange. */
    static final Set<Role> STAFF = Set.of(Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON, Role.DEPARTMENT_DEVELOPER);

    boolean admin() {
        return account != null && account.has(Role.PLATFORM_ADMIN);
    }

    /** Whether they are one of their department's staff for the exchange. */
    boolean staff() {
        return account != null && department != null && STAFF.stream().anyMatch(account::has);
    }

    boolean chiefDataOfficer() {
        return account != null && department != null && account.has(Role.CHIEF_DATA_OFFICER);
    }

    boolean of(long departmentId) {
        return department != null && department.id() == departmentId;
    }

    /** The staff of the department that owns the service, or the administrator: they publish, retire and try it. */
    boolean owns(DataService service) {
        return admin() || staff() && of(service.ownerDepartmentId());
    }

    /** Who may decide an application for the service: the owner's chief data officer or the administrator. */
    boolean decides(DataService service) {
        return admin() || chiefDataOfficer() && of(service.ownerDepartmentId());
    }

    /** Refuses (403) when the condition does not hold. */
    void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what + " is not for " + (account == null ? "this person" : account.username()));
        }
    }

    /** Their account, for the services that act on their behalf; 403 when they have none. */
    UserAccount actor() {
        require(account != null, "acting in the exchange");
        return account;
    }
}
