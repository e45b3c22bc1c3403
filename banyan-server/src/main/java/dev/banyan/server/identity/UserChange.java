package dev.banyan.server.identity;

import java.util.Set;

/** What the platform administrator may change about an account; validated by {@link UserAccounts#update}. */
public record UserChange(String displayName, Long departmentId, Set<Role> roles) {

    /** The account as it is, to start an edit from. */
    public static UserChange of(UserAccount a) {
        return new UserChange(a.displayName(), a.departmentId(), a.roles());
    }
}
