package dev.banyan.server.identity;

import java.util.Set;

/** What is needed to create a console account; validated by {@link UserAccounts#create}. */
public record NewUser(String username, String displayName, String password, Long departmentId, Set<Role> roles) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + "]";
    }
}
