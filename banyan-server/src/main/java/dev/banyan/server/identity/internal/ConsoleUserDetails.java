package dev.banyan.server.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads a console account for form login; a locked account is reported as locked before its password is checked. */
class ConsoleUserDetails implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsoleUserDetails(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled, locked_until from identity.user_account where username = ?")
                .param(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
                    return User.withUsername(rs.getString("username"))
                            .password(rs.getString("password_hash"))
                            .authorities(Arrays.stream((String[]) rs.getArray("roles").getArray())
                                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                            .disabled(!rs.getBoolean("enabled"))
                            .accountLocked(locked)
                            .build();
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No console account " + username));
    }
}
