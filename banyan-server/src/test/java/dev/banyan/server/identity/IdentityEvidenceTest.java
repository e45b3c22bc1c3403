package dev.banyan.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Accounts and departments changes are on the evidence log with the administrator who made them — never a password. */
@BanyanServerTest
class IdentityEvidenceTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    EvidenceLog log;

    @Test
    void accountChangesAreLoggedWithTheirAdministrator() throws Exception {
        UserAccount a = accounts.create("admin", new NewUser("evidence.subject", "存证对象", "evidence-password-2026", null,
                Set.of(Role.AUDITOR)));
        accounts.disable("admin", a.id());
        accounts.enable("admin", a.id());
        String password = accounts.resetPassword("admin", a.id());

        List<LoggedEntry> entries = await("user:evidence.subject", 4);
        assertThat(entries).extracting(LoggedEntry::type).containsExactly("identity.user.password-set",
                "identity.user.enabled", "identity.user.disabled", "identity.user.created");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("user:admin"));
        for (LoggedEntry e : entries) {
            assertThat(log.payload(e.index()).orElse("")).doesNotContain(password, "evidence-password-2026");
        }
    }

    private List<LoggedEntry> await(String subject, int count) throws InterruptedException {
        assertThat(log.awaitRecorded(Duration.ofSeconds(10))).as("evidence sequenced").isTrue();
        return log.search(new EntryQuery(null, null, subject, null, null, null, Math.max(count, 10)));
    }
}
