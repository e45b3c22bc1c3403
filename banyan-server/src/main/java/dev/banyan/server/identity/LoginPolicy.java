package dev.banyan.server.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console protects accounts against password guessing (登录安全策略).
 *
 * @param maxFailures  consecutive failed logins that lock an account
 * @param lockDuration how long a locked account stays locked
 * @param minPasswordLength shortest password accepted for a new account
 */
@ConfigurationProperties("banyan.login")
public record LoginPolicy(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration,
                          @DefaultValue("10") int minPasswordLength) {
}
