package dev.banyan.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;

/** Console sign-in with hashed passwords, and the lockout after repeated failures. */
@BanyanServerTest
class ConsoleLoginTest {

    static final String PASSWORD = "correct-horse-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LoginPolicy policy;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private UserAccount newAuditor(String username) {
        return accounts.create(new NewUser(username, "Test " + username, PASSWORD, null, Set.of(Role.AUDITOR)));
    }

    @Test
    void storesOnlyAHashOfThePassword() {
        newAuditor("hash.check");
        String stored = jdbc.sql("select password_hash from identity.user_account where username = 'hash.check'").query(String.class).single();
        assertThat(stored).doesNotContain(PASSWORD).startsWith("{bcrypt}");
        assertThat(passwords.matches(PASSWORD, stored)).isTrue();
    }

    @Test
    void signsInWithTheRightPasswordAndNotWithAWrongOne() throws Exception {
        newAuditor("sign.in");
        mvc.perform(formLogin("/login").user("sign.in").password(PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("sign.in").password("wrong-password-1"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, instanceOf(BadCredentialsException.class)));
        assertThat(accounts.findByUsername("sign.in").orElseThrow().failedLogins()).isEqualTo(1);
        mvc.perform(formLogin("/login").user("sign.in").password(PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(accounts.findByUsername("sign.in").orElseThrow().failedLogins()).isZero();
        assertThat(accounts.findByUsername("sign.in").orElseThrow().lastLoginAt()).isNotNull();
    }

    @Test
    void locksAfterRepeatedFailuresEvenAgainstTheRightPasswordUntilUnlocked() throws Exception {
        UserAccount account = newAuditor("lock.me");
        for (int i = 0; i < policy.maxFailures(); i++) {
            mvc.perform(formLogin("/login").user("lock.me").password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(accounts.findByUsername("lock.me").orElseThrow().lockedUntil()).isNotNull();

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("lock.me").password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, instanceOf(LockedException.class)))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/login").param("error", "").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("locked after too many failed attempts")));
        mvc.perform(get("/login").param("error", "").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("已被锁定")));

        // The administrator unlocks it from the users page; htmx gets back just the account's row.
        accounts.create(new NewUser("unlock.admin", "Admin", PASSWORD, null, Set.of(Role.PLATFORM_ADMIN)));
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("unlock.admin").password(PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(post("/console/users/" + account.id() + "/unlock").session(admin).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"user-" + account.id() + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(formLogin("/login").user("lock.me").password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void refusesWeakPasswordsAndBadUsernames() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(new NewUser("weak.one", "Weak", "short1", null, Set.of(Role.AUDITOR))))
                .hasFieldOrPropertyWithValue("field", "password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(new NewUser("Bad Name", "Bad", PASSWORD, null, Set.of(Role.AUDITOR))))
                .hasFieldOrPropertyWithValue("field", "username");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(new NewUser("liaison.nodept", "No dept", PASSWORD, null, Set.of(Role.DATA_LIAISON))))
                .hasFieldOrPropertyWithValue("field", "departmentId");
        assertThat(accounts.findByUsername("weak.one")).isEmpty();
    }

    @Test
    void consolePagesNeedSignInAndTheRightRole() throws Exception {
        mvc.perform(get("/console/departments")).andExpect(status().is3xxRedirection());
        newAuditor("only.auditor");
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("only.auditor").password(PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/console/departments").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }
}
