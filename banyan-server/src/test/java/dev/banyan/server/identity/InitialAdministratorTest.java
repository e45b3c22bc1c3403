package dev.banyan.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A new installation (the test database starts empty) gets a platform administrator to sign in with. */
@BanyanServerTest
class InitialAdministratorTest {

    @Autowired
    UserAccounts accounts;

    @Test
    void createsThePlatformAdministratorOnAnEmptyInstallation() {
        UserAccount admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.PLATFORM_ADMIN);
        assertThat(admin.enabled()).isTrue();
    }
}
