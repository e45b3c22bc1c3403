package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.standards.CitizenIdNumber;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Verification services end to end on the landed test city: each of the four scenes answers a known yes and a known
 * no (expected values computed by hand-written SQL over the same STANDARD tables), over the real gateway; batches
 * over the API (CSV in, result file out, invalid rows, GBK with a header, refusals), a batch left running by a
 * stopped server run again under the same id; the console page; bad definitions refused with named problems.
 */
@BanyanServerTest
class VerificationServicesTest {

    private static final String RESIDENTS = "std.\"101001_113501000350010382_001\"";
    private static final String DIBAO = "std.\"201001_11350100035001054p_001\"";
    private static final String INSURED = "std.\"201006_11350100035001070d_001\"";
    private static final String DEATHS = "std.\"101005_11350100035001126g_002\"";
    private static final String TAX = "std.\"202002_11350100035001118m_002\"";
    private static final String ESTATE = "std.\"103002_11350100035001089a_002\"";
    private static final List<String> SCENES = List.of("verify-dibao", "verify-medical-insurance",
            "verify-elderly-subsidy", "verify-public-rental");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}]+)");

    private static final Map<String, DataService> published = new LinkedHashMap<>();
    private static final Map<String, String> tokens = new LinkedHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    ShareTestFixture fixture;

    @Autowired
    GrantRegistry grants;

    @Autowired
    DataServices services;

    @Autowired
    VerificationBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLog evidence;

    @Autowired
    BanyanSettings settings;

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void publishAndGrant() throws Exception {
        if (!published.isEmpty()) {
            fixture.publish(SCENES.getFirst(), port);   // sets the fixture's port for this context
            published.put(SCENES.getFirst(), services.current(SCENES.getFirst()).orElseThrow());
            return;
        }
        for (String scene : SCENES) {
            published.put(scene, fixture.publish(scene, port));
            RegisteredMachineClient client = fixture.client("civil-affairs", "核验-" + scene);
            grants.create(null, new GrantRegistry.Terms(scene, client.client().clientId(),
                    fixture.department("civil-affairs").id(), "社会救助资格核验", Set.of(), List.of(), 100_000, 100,
                    Duration.ofDays(30)), "admin");
            tokens.put(scene, fixture.token(client));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The four scenes, one subject at a time

    private Map<String, String> verify(String scene, String id) {
        HttpResponse<String> r = fixture.get("/api/v1/services/" + scene + "?idNumber=" + id, tokens.get(scene));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> body = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(r.body());
        while (m.find()) {
            body.put(m.group(1), m.group(2).replace("\"", ""));
        }
        assertThat(body.keySet()).isSubsetOf("subject", "result", "reason", "ruleVersion");
        assertThat(body.get("subject")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(r.body()).doesNotContain(id);
        return body;
    }

    private void assertAnswer(String scene, String id, boolean yes, String reason) {
        Map<String, String> body = verify(scene, id);
        assertThat(body.get("result")).as(scene + " " + id).isEqualTo(Boolean.toString(yes));
        assertThat(body.get("reason")).as(scene + " " + id).isEqualTo(reason);
        assertThat(body.get("ruleVersion")).isEqualTo(Integer.toString(published.get(scene).version()));
    }

    private String one(String sql, Object... params) {
        return jdbc.sql(sql + " limit 200").params(params).query(String.class).list().stream()
                .filter(CitizenIdNumber::isValid).findFirst()
                .orElseThrow(() -> new AssertionError("no subject for: " + sql));
    }

    @Test
    void minimumLivingAllowance() {
        String onRoll = one("select 身份证号码 from " + DIBAO + " where 保障状态 = '在保' order by _key");
        String notOnRoll = one("select 公民身份号码 from " + RESIDENTS + " r where _valid and not exists "
                + "(select 1 from " + DIBAO + " d where d.身份证号码 = r.公民身份号码) order by _key");
        assertAnswer("verify-dibao", onRoll, true, null);
        assertAnswer("verify-dibao", notOnRoll, false, "NOT_ON_ROLL");
    }

    @Test
    void medicalInsurance() {
        String insured = one("select certno from " + INSURED + " where psn_insu_stas = '1' and _valid order by _key");
        String ended = one("select certno from " + INSURED + " i where psn_insu_stas <> '1' and _valid and not exists "
                + "(select 1 from " + INSURED + " j where j.certno = i.certno and j.psn_insu_stas = '1') order by _key");
        String never = one("select 公民身份号码 from " + RESIDENTS + " r where _valid and not exists "
                + "(select 1 from " + INSURED + " i where i.certno = r.公民身份号码) order by _key");
        assertAnswer("verify-medical-insurance", insured, true, null);
        assertAnswer("verify-medical-insurance", ended, false, "INSURANCE_NOT_IN_FORCE");
        assertAnswer("verify-medical-insurance", never, false, "NOT_INSURED");
    }

    @Test
    void elderlySubsidy() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String alive = " and not exists (select 1 from " + DEATHS + " d where d.身份证号 = r.公民身份号码)"
                + " and not exists (select 1 from " + RESIDENTS + " x where x.公民身份号码 = r.公民身份号码 and x.注销原因 = '死亡')";
        String eligible = one("select 公民身份号码 from " + RESIDENTS + " r where _valid and 人口状态 = '正常'"
                + " and 公民身份号码__birth_date <= ?::date and 户籍地址__division like '3501%'" + alive + " order by _key",
                today.minusYears(81).toString());
        String young = one("select 公民身份号码 from " + RESIDENTS + " r where _valid and 人口状态 = '正常'"
                + " and 公民身份号码__birth_date > ?::date" + alive + " order by _key", today.minusYears(79).toString());
        String dead = one("select 公民身份号码 from " + RESIDENTS + " r where _valid and 注销原因 = '死亡'"
                + " and 公民身份号码__birth_date <= ?::date order by _key", today.minusYears(81).toString());
        assertAnswer("verify-elderly-subsidy", eligible, true, null);
        assertAnswer("verify-elderly-subsidy", young, false, "UNDER_80");
        assertAnswer("verify-elderly-subsidy", dead, false, "DECEASED");
        // someone aged 80 who is not in the register (a valid identity number nobody holds)
        String stranger = CitizenIdNumber.of("350102", today.minusYears(85), 997).value();
        assertAnswer("verify-elderly-subsidy", stranger, false, "NOT_REGISTERED");
    }

    @Test
    void publicRentalHousing() {
        String households = """
                with m as (select distinct a.公民身份号码 as subject, b.公民身份号码 as member
                           from %1$s a join %1$s b on b.户号 = a.户号
                           where a.人口状态 = '正常' and b.人口状态 = '正常' and a._valid),
                     h as (select m.subject, count(distinct m.member) as members,
                                  coalesce((select sum(t."收入额（元）") from %2$s t join m m2 on m2.member = t.证件号码
                                            where m2.subject = m.subject and t.所得项目 = '正常工资薪金所得'), 0) as income,
                                  exists (select 1 from %3$s e join m m3 on m3.member = e.证件号码 where m3.subject = m.subject) as estate
                           from m group by m.subject)
                select subject from h where %4$s order by subject""";
        String eligible = one(households.formatted(RESIDENTS, TAX, ESTATE, "income / members < 30000 and not estate"));
        String owner = one(households.formatted(RESIDENTS, TAX, ESTATE, "income / members < 30000 and estate"));
        String rich = one(households.formatted(RESIDENTS, TAX, ESTATE, "income / members >= 30000"));
        assertAnswer("verify-public-rental", eligible, true, null);
        assertAnswer("verify-public-rental", owner, false, "OWNS_REAL_ESTATE");
        assertAnswer("verify-public-rental", rich, false, "INCOME_ABOVE_LIMIT");
    }

    @Test
    void aBadSubjectIsABadParameter() {
        HttpResponse<String> r = fixture.get("/api/v1/services/verify-dibao?idNumber=350102198001011234",
                tokens.get("verify-dibao"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("BAD_PARAMETER");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Batches

    private HttpResponse<String> post(String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private VerificationBatch awaitDone(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            VerificationBatch b = batches.find(id).orElseThrow();
            if (b.finished()) {
                return b;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("batch " + id + " did not finish");
    }

    private static long idOf(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aBatchAnswersEverySubjectInOrderAndIsEvidence() throws Exception {
        String scene = "verify-medical-insurance";
        String token = tokens.get(scene);
        String insured = one("select certno from " + INSURED + " where psn_insu_stas = '1' and _valid order by _key");
        String never = one("select 公民身份号码 from " + RESIDENTS + " r where _valid and not exists "
                + "(select 1 from " + INSURED + " i where i.certno = r.公民身份号码) order by _key");
        String badCheck = never.substring(0, 17) + (never.charAt(17) == '0' ? '1' : '0');
        String csv = "idNumber\n" + insured + "\n\n" + never + "\n" + badCheck + "\nabc\n" + insured.toLowerCase() + "\n"
                + "\"" + never + "\",extra column\n";
        HttpResponse<String> submitted = post("/api/v1/services/" + scene + "/batches", token, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = idOf(submitted.body());
        assertThat(submitted.headers().firstValue("Location")).contains("/api/v1/services/" + scene + "/batches/" + id);

        VerificationBatch done = awaitDone(id);
        assertThat(done.status()).as(done.error()).isEqualTo(VerificationBatch.Status.DONE);
        assertThat(List.of(done.subjects(), done.yes(), done.no(), done.invalid())).containsExactly(6L, 2L, 2L, 2L);

        HttpResponse<String> status = fixture.get("/api/v1/services/" + scene + "/batches/" + id, token);
        assertThat(status.body()).contains("\"status\":\"DONE\"", "\"yes\":2", "\"invalid\":2", "\"sha256\":\"" + done.sha256());
        HttpResponse<String> result = fixture.get("/api/v1/services/" + scene + "/batches/" + id + "/result", token);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(result.body().lines().toList()).containsExactly("subject,result,reason",
                insured + ",yes,", never + ",no,NOT_INSURED", badCheck + ",invalid,ID_CHECK_CHARACTER",
                "abc,invalid,ID_LENGTH", insured.toLowerCase() + ",yes,", never + ",no,NOT_INSURED");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(result.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(sha).isEqualTo(done.sha256());
        assertThat(Path.of(batches.result(done).orElseThrow().toString()))
                .startsWith(settings.dataDir().resolve("share/verification"));

        assertThat(evidence.awaitRecorded(Duration.ofSeconds(10))).isTrue();
        List<String> payloads = evidence.search(new EntryQuery("share.verification.batch", null, "service:" + scene, null,
                null, null, 100)).stream().map(LoggedEntry::index).map(evidence::payload)
                .flatMap(java.util.Optional::stream).filter(p -> p.contains("\"batch\":" + id + ",")).toList();
        assertThat(payloads).hasSize(1);
        assertThat(payloads.getFirst()).contains("\"resultSha256\":\"" + sha + "\"", "\"subjects\":6", "\"yes\":2",
                "\"no\":2", "\"invalid\":2").doesNotContain(insured).doesNotContain(never);
    }

    @Test
    void aGbkFileWithAChineseHeaderIsReadAsMultipart() throws Exception {
        String scene = "verify-dibao";
        String onRoll = one("select 身份证号码 from " + DIBAO + " where 保障状态 = '在保' order by _key");
        byte[] gbk = ("身份证号码,姓名\r\n" + onRoll + ",张三\r\n").getBytes(Charset.forName("GBK"));
        String boundary = "----banyan";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名单.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + gbk.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(gbk, 0, body, head.length, gbk.length);
        System.arraycopy(tail, 0, body, head.length + gbk.length, tail.length);
        HttpResponse<String> r = post("/api/v1/services/" + scene + "/batches", tokens.get(scene),
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        VerificationBatch done = awaitDone(idOf(r.body()));
        assertThat(done.status()).isEqualTo(VerificationBatch.Status.DONE);
        assertThat(List.of(done.subjects(), done.yes())).containsExactly(1L, 1L);
        assertThat(done.inputName()).isEqualTo("名单.csv");
    }

    @Test
    void batchesNeedTheSameGrantAsSingleCallsAndAreTheClientsOwn() throws Exception {
        String scene = "verify-dibao";
        String stranger = fixture.token(fixture.client("housing", "无授权核验"));
        HttpResponse<String> refused = post("/api/v1/services/" + scene + "/batches", stranger, "text/csv",
                "350102198001011234\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("NO_GRANT");
        assertThat(post("/api/v1/services/" + scene + "/batches", null, "text/csv", new byte[0]).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/services/no-such-service/batches", tokens.get(scene), "text/csv", new byte[0]).statusCode())
                .isEqualTo(404);

        HttpResponse<String> mine = post("/api/v1/services/" + scene + "/batches", tokens.get(scene), "text/csv",
                "350102198001011234\n".getBytes(StandardCharsets.UTF_8));
        long id = idOf(mine.body());
        awaitDone(id);
        // another client with a grant of its own sees neither the batch nor its result
        RegisteredMachineClient other = fixture.client("civil-affairs", "另一个核验系统");
        grants.create(null, new GrantRegistry.Terms(scene, other.client().clientId(), fixture.department("civil-affairs").id(),
                "核验", Set.of(), List.of(), 100, 10, Duration.ofDays(1)), "admin");
        String otherToken = fixture.token(other);
        assertThat(fixture.get("/api/v1/services/" + scene + "/batches/" + id, otherToken).statusCode()).isEqualTo(404);
        assertThat(fixture.get("/api/v1/services/" + scene + "/batches/" + id + "/result", otherToken).statusCode()).isEqualTo(404);
        assertThat(fixture.get("/api/v1/services/" + scene + "/batches/" + id, tokens.get(scene)).body())
                .contains("\"invalid\":1");
    }

    @Test
    void aBatchLeftRunningByAStoppedServerRunsAgainUnderTheSameId() throws Exception {
        String scene = "verify-elderly-subsidy";
        DataService service = published.get(scene);
        String resident = one("select 公民身份号码 from " + RESIDENTS + " where _valid and 人口状态 = '正常' order by _key");
        // as a server leaves it when stopped mid-run: claimed (RUNNING), its subjects on disk, a partial result file
        Path dir = settings.dataDir().resolve("share/verification");
        Files.createDirectories(dir);
        long id = jdbc.sql("select nextval('share.verification_batch_id_seq')").query(Long.class).single();
        Path input = dir.resolve("batch-" + id + "-subjects.csv");
        Files.writeString(input, resident + "\n123\n");
        Files.writeString(dir.resolve("batch-" + id + "-result.csv.part"), "subject,result,reason\n" + resident + ",");
        jdbc.sql("""
                insert into share.verification_batch (id, service_code, service_id, service_version, department_id,
                    submitted_by, status, input_path, subjects, processed, attempts, created_at, started_at)
                values (?, ?, ?, ?, ?, 'user:restart-test', 'RUNNING', ?, 2, 1, 1, now(), now())""")
                .params(id, scene, service.id(), service.version(), fixture.department("civil-affairs").id(),
                        input.toString()).update();
        jdbc.sql("create unlogged table if not exists share.verification_subjects_" + id + " (ord bigint)").update();

        batches.resume();
        VerificationBatch done = awaitDone(id);

        assertThat(done.status()).as(done.error()).isEqualTo(VerificationBatch.Status.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(List.of(done.subjects(), done.invalid())).containsExactly(2L, 1L);
        assertThat(jdbc.sql("select count(*) from share.verification_batch where input_path = ?").param(input.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(Files.readAllLines(batches.result(done).orElseThrow())).hasSize(3).last().isEqualTo("123,invalid,ID_LENGTH");
        assertThat(Files.exists(dir.resolve("batch-" + id + "-result.csv.part"))).isFalse();
        assertThat(jdbc.sql("select to_regclass('share.verification_subjects_" + id + "') is null").query(Boolean.class).single())
                .isTrue();
        assertThat(evidence.awaitRecorded(Duration.ofSeconds(10))).isTrue();
        assertThat(evidence.search(new EntryQuery("share.verification.batch", "user:restart-test", null, null, null, null, 10)))
                .hasSize(1);
        // resuming again finds nothing to do
        batches.resume();
        assertThat(batches.find(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void departmentStaffUploadInTheConsoleAndTheAdministratorSeesEveryBatch() throws Exception {
        String resident = one("select 公民身份号码 from " + RESIDENTS + " where _valid order by _key");
        var liaison = fixture.officer("civil-affairs", Role.DATA_LIAISON);
        mvc.perform(get("/console/share/verifications").with(user(liaison.username()).roles("DATA_LIAISON"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"verification-upload\"")));
        var upload = mvc.perform(multipart("/console/share/verifications")
                        .file(new MockMultipartFile("file", "list.csv", "text/csv", (resident + "\n").getBytes(StandardCharsets.UTF_8)))
                        .param("service", "verify-elderly-subsidy").with(csrf())
                        .with(user(liaison.username()).roles("DATA_LIAISON")))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(upload.getResponse().getRedirectedUrl().replaceAll(".*submitted=", ""));
        VerificationBatch done = awaitDone(id);
        assertThat(done.submittedBy()).isEqualTo("user:" + liaison.username());
        assertThat(done.status()).isEqualTo(VerificationBatch.Status.DONE);

        mvc.perform(get("/console/share/verifications").with(user("admin").roles("PLATFORM_ADMIN")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("批量核验")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/console/share/verifications/" + id + "/result")));
        mvc.perform(get("/console/share/verifications/" + id + "/result").with(user(liaison.username()).roles("DATA_LIAISON")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("subject,result,reason\n" + resident + ",")));
        var outsider = fixture.officer("housing", Role.DATA_LIAISON);
        mvc.perform(get("/console/share/verifications/" + id + "/result").with(user(outsider.username()).roles("DATA_LIAISON")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGrantsRowScopeLimitsWhoMayBeVerified() throws Exception {
        String scene = "verify-elderly-subsidy";
        Map<String, Object> inside = jdbc.sql("select 公民身份号码, 户籍地址__division from " + RESIDENTS
                + " where _valid and 户籍地址__division is not null order by _key limit 1").query().singleRow();
        String division = (String) inside.get("户籍地址__division");
        String outside = one("select 公民身份号码 from " + RESIDENTS + " where _valid and 户籍地址__division <> ? order by _key",
                division);
        RegisteredMachineClient client = fixture.client("civil-affairs", "街道核验");
        grants.create(null, new GrantRegistry.Terms(scene, client.client().clientId(), fixture.department("civil-affairs").id(),
                "街道高龄补贴核验", Set.of(), List.of(new dev.banyan.server.share.RowCondition("户籍地址__division",
                        dev.banyan.server.share.ConditionOperator.PREFIX, List.of(division))), 100, 10, Duration.ofDays(1)), "admin");
        String token = fixture.token(client);
        assertThat(fixture.get("/api/v1/services/" + scene + "?idNumber=" + inside.get("公民身份号码"), token).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = fixture.get("/api/v1/services/" + scene + "?idNumber=" + outside, token);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("NOT_FOUND_IN_SCOPE").doesNotContain(outside);

        HttpResponse<String> submitted = post("/api/v1/services/" + scene + "/batches", token, "text/csv",
                (inside.get("公民身份号码") + "\n" + outside + "\n").getBytes(StandardCharsets.UTF_8));
        VerificationBatch done = awaitDone(idOf(submitted.body()));
        assertThat(done.status()).as(done.error()).isEqualTo(VerificationBatch.Status.DONE);
        assertThat(Files.readAllLines(batches.result(done).orElseThrow())).containsExactly("subject,result,reason",
                verify(scene, (String) inside.get("公民身份号码")).get("result").equals("true")
                        ? inside.get("公民身份号码") + ",yes," : inside.get("公民身份号码") + ",no,"
                        + verify(scene, (String) inside.get("公民身份号码")).get("reason"),
                outside + ",invalid,OUT_OF_SCOPE");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Definitions

    @Test
    void badDefinitionsAreRefusedWithEveryProblemNamed() {
        String yaml = """
                code: verify-broken
                nameZh: 错误的核验
                kind: VERIFICATION
                resource: 101001-113501000350010382-001
                parameters:
                  - {name: idNumber, field: 公民身份号码, type: CITIZEN_ID, required: true}
                verification:
                  facts:
                    - {name: registered, resource: 101001-113501000350010382-001, matchField: 公民身份号码, function: EXISTS}
                    - {name: ghost, resource: 999999-113501000350010382-001, matchField: 身份证号, function: EXISTS}
                    - {name: income, resource: 202002-11350100035001118M-002, matchField: 证件号码, function: SUM, field: 工资}
                    - {name: latest, resource: 202002-11350100035001118M-002, matchField: 证件号码, function: MEDIAN, field: 收入额（元）}
                    - {name: named, resource: 202002-11350100035001118M-002, matchField: 证件号码, function: SUM, field: 纳税人姓名}
                  rule: registered && unknown_fact
                  reasons:
                    NOT_REGISTERED: "!registered"
                    TOO_YOUNG: age
                """;
        assertThatThrownBy(() -> services.publish(services.parse(yaml), fixture.admin()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InputProblem::field).containsExactly(
                            "verification.facts[1].resource", "verification.facts[2].field",
                            "verification.facts[3].function", "verification.facts[4].field",
                            "verification.rule", "verification.reasons.TOO_YOUNG");
                    assertThat(e.problems()).extracting(InputProblem::messageCode).containsExactly(
                            "share.verification.error.resource.unknown", "share.verification.error.field.unknown",
                            "share.verification.error.function.unknown", "share.verification.error.function.numeric",
                            "share.verification.error.cel", "share.verification.error.notBool");
                    assertThat((String) e.problems().get(4).arguments()[0]).contains("unknown_fact");
                });
        assertThat(services.current("verify-broken")).isEmpty();

        String twoParameters = """
                code: verify-broken
                nameZh: 错误的核验
                kind: VERIFICATION
                resource: 101001-113501000350010382-001
                parameters:
                  - {name: idNumber, field: 公民身份号码, type: STRING, required: true}
                verification:
                  rule: "age"
                """;
        assertThatThrownBy(() -> services.publish(services.parse(twoParameters), fixture.admin()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::field).containsExactly("parameters[0].type", "verification.rule"));
    }

    @Test
    void theFourScenesPassTheirChecksAndServeTheirIndexes() {
        for (String scene : SCENES) {
            assertThat(services.current(scene)).as(scene).isPresent();
        }
        List<String> indexed = new ArrayList<>(jdbc.sql("""
                select indexdef from pg_indexes where schemaname = 'std' and tablename in
                ('201001_11350100035001054p_001', '101001_113501000350010382_001', '202002_11350100035001118m_002')""")
                .query(String.class).list());
        assertThat(indexed).anyMatch(d -> d.contains("(\"身份证号码\")")).anyMatch(d -> d.contains("(\"户号\")"))
                .anyMatch(d -> d.contains("(\"证件号码\")"));
        assertThat(new ByteArrayInputStream(new byte[0])).isNotNull();
    }
}
