package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The exchange's console pages with real accounts of the landed city's departments: the service catalog and a
 * service's page in Chinese and English, its OpenAPI from the console and the API, publishing (a bad definition shows
 * every problem and publishes nothing), the whole apply → pending → approve → grant → renew → revoke flow with the
 * right roles and refused for the wrong ones, notifications, and the try-out page — the owner sees its data, a
 * consumer sees it through its grant, masked.
 */
@BanyanServerTest
class ShareConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareTestFixture fixture;

    @Autowired
    ShareApplications applications;

    @Autowired
    Grants grants;

    @Autowired
    DataServices services;

    @Autowired
    JdbcClient jdbc;

    private String resident;
    private String residentPhone;

    @BeforeEach
    void publish() throws Exception {
        fixture.publish("person-basic", port);
        Map<String, Object> row = residentWithPhone(jdbc);
        resident = (String) row.get("公民身份号码");
        residentPhone = (String) row.get("联系电话");
    }

    /** A resident of the landed city with a telephone number: 公民身份号码 and 联系电话. */
    static Map<String, Object> residentWithPhone(JdbcClient jdbc) {
        return jdbc.sql("select \"公民身份号码\", \"联系电话\" from std.\"101001_113501000350010382_001\" "
                + "where _valid and \"联系电话\" is not null order by _key limit 1").query().singleRow();
    }

    private static RequestPostProcessor as(UserAccount account) {
        return user(account.username()).roles(account.roles().stream().map(Role::name).toArray(String[]::new));
    }

    private String page(String path, UserAccount who, String language) throws Exception {
        return mvc.perform(get(path).with(as(who)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult send(AbstractMockHttpServletRequestBuilder<?> request, UserAccount who) throws Exception {
        return mvc.perform(request.with(as(who)).with(csrf()).header("Accept-Language", "en")).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCatalogAndAServicePageInChineseAndEnglish() throws Exception {
        fixture.publish("population-by-street", port);
        UserAccount liaison = fixture.officer("civil-affairs", Role.DATA_LIAISON);
        UserAccount owner = fixture.officer("public-security", Role.DATA_LIAISON);

        String zh = page("/console/share/services", liaison, "zh-CN");
        assertThat(zh).contains("数据服务", "人口基本信息查询", "分街道户籍人口统计", "有条件共享", "href=\"/console/share/services/person-basic\"");
        String en = page("/console/share/services?kind=AGGREGATE", liaison, "en");
        assertThat(en).contains("Data services", "Registered population by street", "Statistics")
                .doesNotContain("Resident lookup");

        String service = page("/console/share/services/person-basic", liaison, "zh-CN");
        assertThat(service).contains("人口基本信息查询", "idNumber", "公民身份号码（18 位", "敏感：特定身份", "联系电话",
                "/api/v1/services/person-basic", "/oauth2/token", "--data-urlencode &quot;idNumber=", "openapi.json",
                "id=\"apply\"", "版本记录", "户籍地址__street")
                .doesNotContain("id=\"retire\"");
        String english = page("/console/share/services/person-basic", owner, "en");
        assertThat(english).contains("Parameters", "Output fields", "Street or township of 户籍地址", "Citizen identity number",
                "id=\"retire\"", "id=\"try\"", "id=\"new-version\"").doesNotContain("id=\"apply\"");
        page("/console/share/services/population-by-street", liaison, "en");
        assertThat(mvc.perform(get("/console/share/services/no-such-service").with(as(liaison))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiIsServedToPeopleAndToClients() throws Exception {
        UserAccount auditor = fixture.officer("civil-affairs", Role.DEPARTMENT_DEVELOPER);
        String json = page("/console/share/services/person-basic/openapi.json", auditor, "en");
        assertThat(json).contains("\"openapi\":\"3.1.0\"", "\"/api/v1/services/person-basic\"", "\"clientCredentials\"",
                "/oauth2/token", "^\\\\d{17}[\\\\dX]$");

        String token = fixture.token(fixture.client("civil-affairs", "文档阅读"));
        HttpResponse<String> api = fixture.get("/api/v1/service-docs/person-basic", token);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"openapi\":\"3.1.0\"", "\"tokenUrl\":\"http://localhost:" + port + "/oauth2/token\"");
        assertThat(fixture.get("/api/v1/service-docs/person-basic", null).statusCode()).isEqualTo(401);
        assertThat(fixture.get("/api/v1/service-docs/no-such-service", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadDefinitionShowsEveryProblemAndPublishesNothing() throws Exception {
        UserAccount liaison = fixture.officer("public-security", Role.DATA_LIAISON);
        String yaml = """
                code: console-bad
                nameZh: 错误的服务
                kind: LOOKUP
                resource: 101001-113501000350010382-001
                parameters:
                  - name: page
                    field: 没有这个字段
                output: [姓名, 不存在的字段]
                """;
        MvcResult r = send(post("/console/share/services/new").param("mode", "text").param("definition", yaml), liaison);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(r)).contains("id=\"form-errors\"", "parameters[0].name", "parameters[0].field", "output[1]",
                "A lookup service needs at least one required parameter", "不存在的字段");
        assertThat(services.current("console-bad")).isEmpty();

        // unreadable YAML, uploaded as a file: the line is named
        MockMultipartFile file = new MockMultipartFile("file", "bad.yaml", "text/yaml", "code: [unclosed\n".getBytes(StandardCharsets.UTF_8));
        r = send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/console/share/services/new")
                .file(file).param("mode", "text"), liaison);
        assertThat(body(r)).contains("cannot be read at line");

        // the form: problems beside their fields and rows (empty rows dropped), what was typed kept, nothing published
        r = send(post("/console/share/services/new").param("mode", "form").param("resource", "101001-113501000350010382-001")
                .param("kind", "LOOKUP").param("code", "console-form-bad").param("nameZh", "表单服务")
                .param("p0.name", "idNumber").param("p0.field", "公民身份号码").param("p0.type", "CITIZEN_ID")
                .param("p2.name", "since").param("p2.field", "不存在的列").param("p2.type", "DATE"), liaison);
        String form = body(r);
        assertThat(form).contains("data-problem-of=\"parameters\"", "data-problem-of=\"parameters[1]\"", "data-problem-of=\"output\"",
                "A lookup service needs at least one required parameter", "List the fields the service returns",
                "value=\"since\"", "value=\"console-form-bad\"");
        assertThat(services.current("console-form-bad")).isEmpty();
        r = send(post("/console/share/services/new").param("mode", "form").param("resource", "101001-113501000350010382-001")
                .param("kind", "LOOKUP").param("code", "Bad Code").param("nameZh", "表单服务"), liaison);
        assertThat(body(r)).contains("data-problem-of=\"code\"", "Service code Bad Code is not allowed");

        // another department's resource is refused; a hotline agent may not publish at all
        UserAccount other = fixture.officer("civil-affairs", Role.DATA_LIAISON);
        r = send(post("/console/share/services/new").param("mode", "text").param("definition", yaml.replace("console-bad", "console-theirs")
                .replace("name: page", "name: idNumber").replace("没有这个字段", "公民身份号码").replace(", 不存在的字段", "")
                .replace("    field: 公民身份号码", "    field: 公民身份号码\n    required: true")), other);
        assertThat(body(r)).contains("Only staff of department public-security");
        assertThat(services.current("console-theirs")).isEmpty();
        assertThat(send(get("/console/share/services/new"), fixture.officer("civil-affairs", Role.HOTLINE_AGENT))
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aGoodFormPublishesAVersionAndTheOwnerRetiresIt() throws Exception {
        UserAccount liaison = fixture.officer("public-security", Role.DATA_LIAISON);
        String form = page("/console/share/services/new?resource=101001-113501000350010382-001", liaison, "zh-CN");
        assertThat(form).contains("发布服务", "公民身份号码", "敏感：特定身份", "name=\"output\"");
        // a new version starts from the current definition
        assertThat(page("/console/share/services/new?from=person-basic", liaison, "en"))
                .contains("id=\"definition-form\"", "&quot;code&quot; : &quot;person-basic&quot;", "CITIZEN_ID");

        MvcResult r = send(post("/console/share/services/new").param("mode", "form").param("resource", "101001-113501000350010382-001")
                .param("kind", "LIST").param("code", "console-members").param("nameZh", "控制台户成员").param("maxPageSize", "30")
                .param("p0.name", "householdNumber").param("p0.field", "户号").param("p0.type", "STRING").param("p0.required", "1")
                .param("output", "户号", "姓名", "人口状态").param("c0.field", "人口状态").param("c0.operator", "EQ").param("c0.values", "正常"),
                liaison);
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/share/services/console-members");
        var published = services.current("console-members").orElseThrow();
        assertThat(published.definition().output()).containsExactly("户号", "姓名", "人口状态");
        assertThat(published.definition().conditions()).singleElement().satisfies(c -> assertThat(c.values()).containsExactly("正常"));
        assertThat(published.definition().pageLimit()).isEqualTo(30);
        assertThat(published.createdBy()).isEqualTo(liaison.username());

        // another department's staff may not retire it; the owner must give a reason
        assertThat(send(post("/console/share/services/console-members/retire").param("reason", "x"),
                fixture.officer("civil-affairs", Role.CHIEF_DATA_OFFICER)).getResponse().getStatus()).isEqualTo(403);
        r = send(post("/console/share/services/console-members/retire").param("reason", " "), liaison);
        assertThat(body(r)).contains("Give a reason");
        assertThat(services.current("console-members")).isPresent();
        r = send(post("/console/share/services/console-members/retire").param("reason", "由新服务替代"), liaison);
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(services.current("console-members")).isEmpty();
        assertThat(page("/console/share/services/console-members", liaison, "en")).contains("Retired").doesNotContain("id=\"try\"");
    }

    @Test
    void applyPendingApproveGrantRenewRevokeThroughThePages() throws Exception {
        RegisteredMachineClient client = fixture.client("civil-affairs", "低保复核系统");
        String clientId = client.client().clientId();
        UserAccount applicant = fixture.officer("civil-affairs", Role.DATA_LIAISON);
        UserAccount consumerCdo = fixture.officer("civil-affairs", Role.CHIEF_DATA_OFFICER);
        UserAccount ownerCdo = fixture.officer("public-security", Role.CHIEF_DATA_OFFICER);
        UserAccount ownerLiaison = fixture.officer("public-security", Role.DATA_LIAISON);
        UserAccount stranger = fixture.officer("housing", Role.CHIEF_DATA_OFFICER);

        String form = page("/console/share/applications/new?service=person-basic", applicant, "zh-CN");
        assertThat(form).contains("申请使用服务", clientId, "name=\"fields\"", "联系电话");

        // a bad application names every problem and files nothing
        MvcResult r = send(post("/console/share/applications").param("serviceCode", "person-basic").param("clientId", clientId)
                .param("durationDays", "0").param("expectedDailyCalls", "1000"), applicant);
        assertThat(body(r)).contains("State the purpose", "State the legal basis", "The duration must be between");
        int before = applications.all(1000).size();

        r = send(post("/console/share/applications").param("serviceCode", "person-basic").param("clientId", clientId)
                .param("purpose", "最低生活保障资格复核").param("legalBasis", "《社会救助暂行办法》第十一条")
                .param("fields", "公民身份号码", "姓名").param("durationDays", "365").param("expectedDailyCalls", "1000"), applicant);
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(applications.all(1000)).hasSize(before + 1);
        ShareApplication a = applications.all(1).getFirst();
        assertThat(a.status()).isEqualTo(ShareApplication.Status.PENDING);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/share/applications/" + a.id());

        // the owner sees it first, with its working-day deadline, and is told
        String owners = page("/console/share/applications", ownerCdo, "zh-CN");
        assertThat(owners).contains("待审批", "data-id=\"" + a.id() + "\"", "个工作日");
        String notices = page("/console/share/notifications", ownerCdo, "zh-CN");
        assertThat(notices).contains("person-basic", "待您审批", "id=\"unread-badge\"");
        // due at the end of the tenth working day in China, not rounded up into the next day
        assertThat(page("/console/share/applications/" + a.id(), ownerCdo, "en")).contains("id=\"approve\"", "id=\"reject\"",
                ShareConsole.minutes(a.dueAt()), " 23:59");
        assertThat(page("/console/share/applications/" + a.id(), ownerLiaison, "en")).doesNotContain("id=\"approve\"");
        assertThat(page("/console/share/applications", applicant, "en")).contains("Our applications", "Pending");

        // the wrong people are refused and nothing changes
        assertThat(send(post("/console/share/applications/" + a.id() + "/decision").param("decision", "approve"), ownerLiaison)
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send(post("/console/share/applications/" + a.id() + "/decision").param("decision", "approve"), consumerCdo)
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send(get("/console/share/applications/" + a.id()), stranger).getResponse().getStatus()).isEqualTo(403);
        r = send(post("/console/share/applications/" + a.id() + "/decision").param("decision", "reject").param("reason", ""), ownerCdo);
        assertThat(body(r)).contains("Give a reason");
        assertThat(applications.find(a.id()).orElseThrow().status()).isEqualTo(ShareApplication.Status.PENDING);

        r = send(post("/console/share/applications/" + a.id() + "/decision").param("decision", "approve").param("reason", "同意，限低保复核使用"),
                ownerCdo);
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(applications.find(a.id()).orElseThrow().status()).isEqualTo(ShareApplication.Status.APPROVED);
        Grant g = grants.live(clientId, "person-basic").orElseThrow();
        assertThat(g.fields()).containsExactlyInAnyOrder("公民身份号码", "姓名");
        assertThat(page("/console/share/applications/" + a.id(), applicant, "zh-CN"))
                .contains("已通过", "同意，限低保复核使用", "id=\"resulting-grant\"");
        assertThat(page("/console/share/notifications", applicant, "en")).contains("Your application for person-basic was approved");

        // grants: the consumer's chief revokes, the owner's staff renews; a liaison of the consumer and a stranger may not
        assertThat(page("/console/share/grants", consumerCdo, "zh-CN")).contains("本部门获得的授权", "低保复核系统", "撤销");
        assertThat(page("/console/share/grants", ownerLiaison, "en")).contains("Grants on our services", "data-id=\"" + g.id() + "\"");
        assertThat(send(post("/console/share/grants/" + g.id() + "/revoke").param("reason", "x"), applicant)
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send(post("/console/share/grants/" + g.id() + "/revoke").param("reason", "x"), stranger)
                .getResponse().getStatus()).isEqualTo(403);
        r = send(post("/console/share/grants/" + g.id() + "/revoke").param("reason", ""), consumerCdo);
        assertThat(r.getFlashMap().get("refused")).asString().contains("Give a reason");
        assertThat(grants.find(g.id()).orElseThrow().status()).isEqualTo(Grant.Status.ACTIVE);

        send(post("/console/share/grants/" + g.id() + "/renew").param("days", "30"), ownerLiaison);
        assertThat(grants.find(g.id()).orElseThrow().expiresAt()).isAfter(g.expiresAt().plus(Duration.ofDays(29)));
        r = send(post("/console/share/grants/" + g.id() + "/renew").param("days", "5000"), ownerLiaison);
        assertThat(r.getFlashMap().get("refused")).asString().contains("The duration must be between");

        r = send(post("/console/share/grants/" + g.id() + "/revoke").param("reason", "复核工作结束"), consumerCdo);
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(grants.find(g.id()).orElseThrow().status()).isEqualTo(Grant.Status.REVOKED);
        assertThat(grants.live(clientId, "person-basic")).isEmpty();
        assertThat(page("/console/share/grants", consumerCdo, "en")).contains("Revoked", "复核工作结束");
        assertThat(page("/console/share/notifications", applicant, "zh-CN")).contains("已撤销：复核工作结束");
    }

    @Test
    void theAdministratorGrantsDirectlyWithARowScope() throws Exception {
        RegisteredMachineClient client = fixture.client("civil-affairs", "鼓楼区核对");
        String clientId = client.client().clientId();
        UserAccount admin = fixture.admin();
        assertThat(page("/console/share/grants/new?serviceCode=person-basic", admin, "zh-CN")).contains("直接授权", "name=\"fields\"");
        assertThat(send(get("/console/share/grants/new"), fixture.officer("public-security", Role.CHIEF_DATA_OFFICER))
                .getResponse().getStatus()).isEqualTo(403);

        MvcResult r = send(post("/console/share/grants/new").param("serviceCode", "person-basic").param("clientId", clientId)
                .param("purpose", "区级低保核对").param("fields", "姓名").param("rowScope", "户籍地址__division STARTS 350102\n没有的列 EQ 1")
                .param("dailyQuota", "0").param("ratePerSecond", "5").param("days", "30"), admin);
        assertThat(body(r)).contains("data-problem-of=\"rowScope\"", "Line 1 is not a condition", "has no field 没有的列",
                "data-problem-of=\"dailyQuota\"");
        assertThat(grants.live(clientId, "person-basic")).isEmpty();

        r = send(post("/console/share/grants/new").param("serviceCode", "person-basic").param("clientId", clientId)
                .param("purpose", "区级低保核对").param("fields", "姓名").param("rowScope", "户籍地址__division PREFIX 350102")
                .param("dailyQuota", "500").param("ratePerSecond", "5").param("days", "30"), admin);
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        Grant g = grants.live(clientId, "person-basic").orElseThrow();
        assertThat(g.applicationId()).isNull();
        assertThat(g.rowScope()).singleElement().satisfies(c -> assertThat(c.values()).containsExactly("350102"));
        assertThat(g.dailyQuota()).isEqualTo(500);
        assertThat(page("/console/share/grants", fixture.officer("civil-affairs", Role.CHIEF_DATA_OFFICER), "en"))
                .contains("户籍地址__division PREFIX 350102");
    }

    @Test
    void notificationsAreMarkedReadWhenOpened() throws Exception {
        RegisteredMachineClient client = fixture.client("civil-affairs", "通知测试");
        applications.apply(new dev.banyan.server.share.NewApplication("person-basic", client.client().clientId(), "测试通知",
                "测试依据", List.of("姓名"), 30, 10), fixture.officer("civil-affairs", Role.DATA_LIAISON));
        UserAccount ownerCdo = fixture.officer("public-security", Role.CHIEF_DATA_OFFICER);
        long id = jdbc.sql("select max(id) from share.notification where department_id = ? and read_at is null")
                .param(fixture.department("public-security").id()).query(Long.class).single();

        MvcResult r = send(post("/console/share/notifications/" + id + "/read").param("next", "/console/share/applications/1"), ownerCdo);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/share/applications/1");
        assertThat(jdbc.sql("select read_at is not null from share.notification where id = ?").param(id).query(Boolean.class).single()).isTrue();
        // a link out of the console is not followed
        r = send(post("/console/share/notifications/" + id + "/read").param("next", "https://elsewhere.example/"), ownerCdo);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/share/notifications");

        send(post("/console/share/notifications/read"), ownerCdo);
        assertThat(jdbc.sql("select count(*) from share.notification where department_id = ? and read_at is null and (role is null or role = 'CHIEF_DATA_OFFICER')")
                .param(fixture.department("public-security").id()).query(Long.class).single()).isZero();
        assertThat(page("/console/share/notifications", ownerCdo, "en")).doesNotContain("id=\"unread-badge\"");
    }

    @Test
    void tryingAServiceShowsTheOwnerItsDataAndAConsumerOnlyWhatItsGrantAllows() throws Exception {
        RegisteredMachineClient client = fixture.client("civil-affairs", "试调用");
        String clientId = client.client().clientId();
        ShareApplication a = applications.apply(new dev.banyan.server.share.NewApplication("person-basic", clientId, "低保复核",
                "《社会救助暂行办法》", List.of("公民身份号码", "姓名"), 30, 100), fixture.officer("civil-affairs", Role.DATA_LIAISON));
        applications.approve(a.id(), fixture.officer("public-security", Role.CHIEF_DATA_OFFICER), "同意");
        UserAccount developer = fixture.officer("civil-affairs", Role.DEPARTMENT_DEVELOPER);
        UserAccount owner = fixture.officer("public-security", Role.DATA_LIAISON);

        String form = page("/console/share/services/person-basic/try", developer, "zh-CN");
        assertThat(form).contains(clientId, "param.idNumber").doesNotContain("value=\"owner\"");

        MvcResult r = send(post("/console/share/services/person-basic/try").param("as", clientId).param("param.idNumber", resident),
                developer);
        String consumer = body(r);
        assertThat(consumer).contains("HTTP 200", "SERVED", resident, residentPhone.substring(0, 3))
                .doesNotContain(residentPhone);
        assertThat(jdbc.sql("select count(*) from share.call_log where client_id = ? and purpose = ? and outcome = 'SERVED'")
                .params(clientId, "console try-out by " + developer.username()).query(Long.class).single()).isEqualTo(1);

        // a field not granted is refused as the API would refuse it
        r = send(post("/console/share/services/person-basic/try").param("as", clientId).param("param.idNumber", resident)
                .param("fields", "联系电话"), developer);
        assertThat(body(r)).contains("HTTP 403", "FIELD_NOT_GRANTED", "联系电话");

        // the owner sees everything, and the call is on record as the owner's try-out, without a grant
        r = send(post("/console/share/services/person-basic/try").param("as", "owner").param("param.idNumber", resident), owner);
        assertThat(body(r)).contains("HTTP 200", residentPhone);
        assertThat(jdbc.sql("select count(*) from share.call_log where client_id = ? and grant_id is null and outcome = 'SERVED'")
                .param("console:" + owner.username()).query(Long.class).single()).isEqualTo(1);

        // a consumer may not try as the owner, nor with another department's client; a department without a grant is told
        assertThat(send(post("/console/share/services/person-basic/try").param("as", "owner").param("param.idNumber", resident),
                developer).getResponse().getStatus()).isEqualTo(403);
        UserAccount housing = fixture.officer("housing", Role.DEPARTMENT_DEVELOPER);
        assertThat(send(post("/console/share/services/person-basic/try").param("as", clientId).param("param.idNumber", resident),
                housing).getResponse().getStatus()).isEqualTo(403);
        assertThat(page("/console/share/services/person-basic/try", housing, "en")).contains("id=\"no-grant\"");
    }
}
