package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes a new installation usable: when no console account exists at all, creates the platform
 * administrator {@code admin} with {@code BANYAN_INITIAL_ADMIN_PASSWORD}, or with a random password
 * printed once. Runs after the demo, which brings its own accounts.
 */
@Component
class InitialAdministrator {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccounts accounts;
    private final String configuredPassword;

    InitialAdministrator(UserAccounts accounts, @Value("${banyan.initial-admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @EventListener
    @Order(100)
    void onReady(ApplicationReadyEvent event) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? GeneratedPassword.next() : configuredPassword;
        accounts.create(new NewUser("admin", "平台管理员 Platform Administrator", password, null, Set.of(Role.PLATFORM_ADMIN)));
        if (generated) {
            String line = "Initial administrator created / 已创建初始管理员: admin / " + password
                    + "  (shown once; set BANYAN_INITIAL_ADMIN_PASSWORD to choose it / 仅显示一次)";
            System.out.println(line);
            log.warn("Initial administrator 'admin' created with a generated password, printed on the console once");
        } else {
            log.info("Initial administrator 'admin' created with BANYAN_INITIAL_ADMIN_PASSWORD");
        }
    }
}
