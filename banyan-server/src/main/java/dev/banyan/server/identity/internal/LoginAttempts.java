package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Counts people's failed console logins and locks an account at the policy's limit. Machine clients and
 * bearer tokens authenticate differently and are not counted here.
 */
class LoginAttempts {

    private final UserAccounts accounts;

    LoginAttempts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token && token.getName() != null) {
            accounts.recordFailedLogin(token.getName().strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            accounts.recordSuccessfulLogin(token.getName());
        }
    }
}
