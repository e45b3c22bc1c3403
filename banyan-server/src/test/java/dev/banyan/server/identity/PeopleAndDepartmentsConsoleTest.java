package dev.banyan.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The platform administrator manages departments and accounts in the console — edit a department, edit an account,
 * disable and enable it, give it a new password — and everyone changes their own password; each over real
 * sign-ins, in both languages, with bad input refused and nothing changed.
 */
@BanyanServerTest
class PeopleAndDepartmentsConsoleTest {

    static final String PASSWORD = "people-test-2026";
    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DepartmentDirectory departments;

    @Autowired
    LoginPolicy policy;

    static String creditCode(int serial) {
        return UnifiedSocialCreditCode.of('1', '1', "350100", String.format("%08d", 80_000_000 + serial)).value();
    }

    private Department department(String nameZh, DepartmentLevel level, Long parent) {
        int n = SERIAL.getAndIncrement();
        return departments.register(new NewDepartment("people-" + n, nameZh, "People test bureau " + n, creditCode(n), level, parent));
    }

    private UserAccount account(String username, Long department, Role... roles) {
        return accounts.findByUsername(username)
                .orElseGet(() -> accounts.create(new NewUser(username, "测试 " + username, PASSWORD, department, Set.of(roles))));
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    private MockHttpSession admin() throws Exception {
        account("people.admin", null, Role.PLATFORM_ADMIN);
        return signIn("people.admin", PASSWORD);
    }

    private ResultActions postAs(MockHttpSession session, String path, String... params) throws Exception {
        var request = post(path).session(session).with(csrf()).header("Accept-Language", "en");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void administratorEditsADepartmentAndBadInputChangesNothing() throws Exception {
        Department city = department("榕城市人民政府（人员测试）", DepartmentLevel.CITY, null);
        Department bureau = department("榕城市旧名局", DepartmentLevel.CITY, null);
        Department office = department("鼓楼区某办（人员测试）", DepartmentLevel.COUNTY, bureau.id());
        MockHttpSession admin = admin();

        mvc.perform(get("/console/departments").session(admin).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("/console/departments/" + bureau.id() + "/edit")));
        mvc.perform(get("/console/departments/" + bureau.id() + "/edit").session(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("编辑部门：榕城市旧名局")))
                .andExpect(content().string(containsString("部门代码不可修改")));

        // Several mistakes at once: every one is named, and the department stays as it was.
        String wrongCheck = creditCode(900).substring(0, 17) + (creditCode(900).endsWith("0") ? "1" : "0");
        postAs(admin, "/console/departments/" + bureau.id(), "nameZh", "", "nameEn", "Renamed bureau", "creditCode", wrongCheck,
                "level", "CITY", "parentId", String.valueOf(office.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 problems")))
                .andExpect(content().string(containsString("data-field=\"nameZh\"")))
                .andExpect(content().string(containsString("Not a valid unified social credit code")))
                .andExpect(content().string(containsString("a department cannot sit below itself")));
        assertThat(departments.get(bureau.id())).isEqualTo(bureau);
        // A parent at a lower level, and a credit code that another department has.
        postAs(admin, "/console/departments/" + city.id(), "nameZh", city.nameZh(), "nameEn", city.nameEn(),
                "creditCode", bureau.creditCode(), "level", "PROVINCE", "parentId", String.valueOf(office.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already registered")))
                .andExpect(content().string(containsString("lower level")));
        assertThat(departments.get(city.id())).isEqualTo(city);

        String newCode = creditCode(901);
        postAs(admin, "/console/departments/" + bureau.id(), "nameZh", "榕城市新名局", "nameEn", "Rongcheng Renamed Bureau",
                "creditCode", newCode, "level", "COUNTY", "parentId", String.valueOf(city.id()))
                .andExpect(redirectedUrl("/console/departments"));
        Department renamed = departments.get(bureau.id());
        assertThat(renamed.nameZh()).isEqualTo("榕城市新名局");
        assertThat(renamed.nameEn()).isEqualTo("Rongcheng Renamed Bureau");
        assertThat(renamed.creditCode()).isEqualTo(newCode);
        assertThat(renamed.level()).isEqualTo(DepartmentLevel.COUNTY);
        assertThat(renamed.parentId()).isEqualTo(city.id());
        assertThat(renamed.code()).isEqualTo(bureau.code());
    }

    @Test
    void onlyTheAdministratorEditsDepartmentsAndAccounts() throws Exception {
        Department d = department("榕城市权限测试局", DepartmentLevel.CITY, null);
        UserAccount cdo = account("people.cdo", d.id(), Role.CHIEF_DATA_OFFICER);
        UserAccount liaison = account("people.liaison", d.id(), Role.DATA_LIAISON);
        MockHttpSession session = signIn(cdo.username(), PASSWORD);

        mvc.perform(get("/console/departments/" + d.id() + "/edit").session(session)).andExpect(status().isForbidden());
        postAs(session, "/console/departments/" + d.id(), "nameZh", "夺权局", "nameEn", "Seized", "creditCode", d.creditCode(),
                "level", "CITY").andExpect(status().isForbidden());
        mvc.perform(get("/console/users/" + liaison.id()).session(session)).andExpect(status().isForbidden());
        postAs(session, "/console/users/" + liaison.id(), "displayName", "改名", "departmentId", String.valueOf(d.id()),
                "roles", "PLATFORM_ADMIN").andExpect(status().isForbidden());
        postAs(session, "/console/users/" + liaison.id() + "/disable").andExpect(status().isForbidden());
        postAs(session, "/console/users/" + liaison.id() + "/password/reset").andExpect(status().isForbidden());
        postAs(session, "/console/users/" + cdo.id(), "displayName", "我自己", "roles", "PLATFORM_ADMIN")
                .andExpect(status().isForbidden());

        assertThat(departments.get(d.id())).isEqualTo(d);
        assertThat(accounts.get(liaison.id())).isEqualTo(liaison);
        assertThat(accounts.get(cdo.id()).roles()).containsExactly(Role.CHIEF_DATA_OFFICER);
    }

    @Test
    void administratorEditsAnAccountsNameDepartmentAndRoles() throws Exception {
        Department from = department("榕城市调出局", DepartmentLevel.CITY, null);
        Department to = department("榕城市调入局", DepartmentLevel.CITY, null);
        UserAccount person = account("people.moved", from.id(), Role.DATA_LIAISON);
        MockHttpSession admin = admin();

        mvc.perform(get("/console/users").session(admin)).andExpect(content().string(containsString("/console/users/" + person.id())));
        mvc.perform(get("/console/users/" + person.id()).session(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("账号 people.moved")))
                .andExpect(content().string(containsString("停用账号")));

        // Department staff need a department; roles are required.
        postAs(admin, "/console/users/" + person.id(), "displayName", " ", "departmentId", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"displayName\"")))
                .andExpect(content().string(containsString("Choose at least one role.")));
        postAs(admin, "/console/users/" + person.id(), "displayName", "调动的人", "departmentId", "", "roles", "DATA_LIAISON")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Department staff must belong to a department")));
        assertThat(accounts.get(person.id())).isEqualTo(person);

        postAs(admin, "/console/users/" + person.id(), "displayName", "调动的人", "departmentId", String.valueOf(to.id()),
                "roles", "CHIEF_DATA_OFFICER", "roles", "DATA_LIAISON")
                .andExpect(redirectedUrl("/console/users/" + person.id()));
        UserAccount moved = accounts.get(person.id());
        assertThat(moved.displayName()).isEqualTo("调动的人");
        assertThat(moved.departmentId()).isEqualTo(to.id());
        assertThat(moved.roles()).containsExactlyInAnyOrder(Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON);

        // An administrator cannot take the role from themselves, nor disable themselves.
        UserAccount self = accounts.findByUsername("people.admin").orElseThrow();
        postAs(admin, "/console/users/" + self.id(), "displayName", "Admin", "roles", "AUDITOR")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot take the platform administrator role from yourself")));
        postAs(admin, "/console/users/" + self.id() + "/disable")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You cannot disable your own account.")));
        assertThat(accounts.get(self.id())).isEqualTo(self);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsOpenSessionEnds() throws Exception {
        UserAccount auditor = account("people.disabled", null, Role.AUDITOR);
        MockHttpSession open = signIn(auditor.username(), PASSWORD);
        MockHttpSession admin = admin();

        postAs(admin, "/console/users/" + auditor.id() + "/disable").andExpect(redirectedUrl("/console/users/" + auditor.id()));
        assertThat(accounts.get(auditor.id()).enabled()).isFalse();
        mvc.perform(get("/console/users/" + auditor.id()).session(admin).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Account people.disabled disabled")))
                .andExpect(content().string(containsString("id=\"enable-user\"")));

        // Refused at sign-in, even with the right password, and told why in the page's language.
        MockHttpSession refused = (MockHttpSession) mvc.perform(formLogin("/login").user(auditor.username()).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(request().sessionAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION,
                        instanceOf(DisabledException.class)))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/login").param("error", "").session(refused).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("该账号已停用")));
        // The session opened before is over at its next request.
        mvc.perform(get("/").session(open)).andExpect(redirectedUrl("/login?disabled"));
        mvc.perform(get("/login").param("disabled", "").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("This account is disabled")));

        postAs(admin, "/console/users/" + auditor.id() + "/enable").andExpect(redirectedUrl("/console/users/" + auditor.id()));
        signIn(auditor.username(), PASSWORD);
    }

    @Test
    void administratorGivesANewPasswordShownOnceOrTypedAndItLiftsALockout() throws Exception {
        UserAccount agent = account("people.reset", null, Role.HOTLINE_AGENT);
        for (int i = 0; i < policy.maxFailures(); i++) {
            accounts.recordFailedLogin(agent.username());
        }
        assertThat(accounts.get(agent.id()).lockedUntil()).isNotNull();
        MockHttpSession admin = admin();

        String page = postAs(admin, "/console/users/" + agent.id() + "/password/reset")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the only time it is shown")))
                .andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"new-password\">([^<]+)<").matcher(page);
        assertThat(shown.find()).isTrue();
        String generated = shown.group(1);
        assertThat(generated).hasSizeGreaterThanOrEqualTo(policy.minPasswordLength());
        // Shown once: the account's page does not show it again.
        mvc.perform(get("/console/users/" + agent.id()).session(admin))
                .andExpect(content().string(not(containsString(generated))));
        mvc.perform(formLogin("/login").user(agent.username()).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        signIn(agent.username(), generated);

        postAs(admin, "/console/users/" + agent.id() + "/password", "password", "short1")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at least " + policy.minPasswordLength() + " characters")));
        signIn(agent.username(), generated);
        postAs(admin, "/console/users/" + agent.id() + "/password", "password", "typed-by-admin-42")
                .andExpect(redirectedUrl("/console/users/" + agent.id()));
        signIn(agent.username(), "typed-by-admin-42");
    }

    @Test
    void everyoneChangesTheirOwnPasswordGivingTheCurrentOne() throws Exception {
        Department d = department("榕城市改密测试局", DepartmentLevel.CITY, null);
        UserAccount liaison = account("people.own", d.id(), Role.DATA_LIAISON);
        MockHttpSession session = signIn(liaison.username(), PASSWORD);
        String tooShort = "a1".repeat(policy.minPasswordLength() / 2 - 1) + "a";
        assertThat(tooShort).hasSize(policy.minPasswordLength() - 1);

        mvc.perform(get("/").session(session)).andExpect(content().string(containsString("href=\"/console/account\"")));
        mvc.perform(get("/console/account").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("修改密码")))
                .andExpect(content().string(containsString("至少 " + policy.minPasswordLength() + " 位")));

        postAs(session, "/console/account/password", "currentPassword", "not-my-password-1", "newPassword", "new-password-2026",
                "confirmPassword", "new-password-2026")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The current password is not right.")));
        assertThat(accounts.get(liaison.id()).failedLogins()).isEqualTo(1);
        postAs(session, "/console/account/password", "currentPassword", PASSWORD, "newPassword", "new-password-2026",
                "confirmPassword", "new-password-2027")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The two new passwords differ.")));
        postAs(session, "/console/account/password", "currentPassword", PASSWORD, "newPassword", tooShort,
                "confirmPassword", tooShort)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"newPassword\"")))
                .andExpect(content().string(containsString("at least " + policy.minPasswordLength() + " characters")));
        postAs(session, "/console/account/password", "currentPassword", PASSWORD, "newPassword", PASSWORD,
                "confirmPassword", PASSWORD)
                .andExpect(content().string(containsString("must differ from the current one")));
        signIn(liaison.username(), PASSWORD);

        postAs(session, "/console/account/password", "currentPassword", PASSWORD, "newPassword", "new-password-2026",
                "confirmPassword", "new-password-2026")
                .andExpect(redirectedUrl("/console/account"));
        mvc.perform(formLogin("/login").user(liaison.username()).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        signIn(liaison.username(), "new-password-2026");
    }
}
