package dev.banyan.server.share.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.ConsoleLayout;
import dev.banyan.server.HeadlessChromium;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exchange's console in a real headless Chromium: a civil-affairs liaison finds a service and applies for it in
 * Chinese; the chief data officer of public security sees the notification and approves in English; the grant is
 * listed; a civil-affairs developer tries the service through the grant and sees the telephone masked; the
 * publishing form follows the kind chosen (htmx). Screenshots go to {@code target/screenshots}.
 */
@BanyanServerTest
class ShareBrowserTest {

    static final String PASSWORD = "officer-password-2026";

    static HeadlessChromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ShareTestFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page signIn(BrowserContext context, UserAccount account) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.fill("#username", account.username());
        page.fill("#password", PASSWORD);
        page.click("#sign-in");
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void applyApproveAndTryInTheBrowser() throws Exception {
        fixture.publish("person-basic", port);
        fixture.publish("population-by-street", port);
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        RegisteredMachineClient client = fixture.client("civil-affairs", "低保核对系统");
        String clientId = client.client().clientId();
        Map<String, Object> row = ShareConsoleTest.residentWithPhone(jdbc);
        String resident = (String) row.get("公民身份号码");
        String phone = (String) row.get("联系电话");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page page = signIn(context, fixture.officer("civil-affairs", Role.DATA_LIAISON));
            page.navigate(url("/console/share/services"));
            assertThat(page.locator("h1")).hasText("数据服务");
            ConsoleLayout.assertWholeMenuShown(page);
            shoot(page, "share-services-zh.png");

            page.click("#services a[href='/console/share/services/person-basic']");
            assertThat(page.locator("#output-fields")).containsText("敏感：特定身份");
            assertThat(page.locator("#curl")).containsText("/oauth2/token");
            shoot(page, "share-service-zh.png");

            page.click("#apply");
            assertThat(page.locator("h1")).hasText("申请使用服务");
            page.selectOption("#clientId", clientId);
            page.fill("#purpose", "最低生活保障资格复核");
            page.fill("#legalBasis", "《社会救助暂行办法》第十一条");
            page.check("#field-choices input[value='公民身份号码']");
            page.check("#field-choices input[value='姓名']");
            shoot(page, "share-apply-zh.png");
            page.click("#submit-application");
            assertThat(page.locator("#application-status")).hasText("待审批");
            shoot(page, "share-application-pending-zh.png");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en").setViewportSize(1280, 900))) {
            Page page = signIn(context, fixture.officer("public-security", Role.CHIEF_DATA_OFFICER));
            page.navigate(url("/console/share/notifications"));
            assertThat(page.locator("#unread-badge")).isVisible();
            shoot(page, "share-notifications-en.png");
            page.navigate(url("/console/share/applications"));
            assertThat(page.locator("#to-decide")).containsText("Resident lookup");
            shoot(page, "share-applications-en.png");
            page.locator("#to-decide tbody tr").first().locator("a").first().click();
            page.fill("#reason", "Approved for the minimum living allowance review");
            page.click("#approve");
            assertThat(page.locator(".notice")).containsText("approved");
            assertThat(page.locator("#resulting-grant")).isVisible();
            shoot(page, "share-application-approved-en.png");
            page.navigate(url("/console/share/grants"));
            assertThat(page.locator("#grants-given")).containsText("低保核对系统");
            shoot(page, "share-grants-en.png");

            page.navigate(url("/console/share/services/new"));
            page.selectOption("#kind", "LIST");
            assertThat(page.locator("#maxPageSize")).isVisible();
            shoot(page, "share-publish-form-en.png");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page page = signIn(context, fixture.officer("civil-affairs", Role.DEPARTMENT_DEVELOPER));
            page.navigate(url("/console/share/services/person-basic/try"));
            page.selectOption("#as", clientId);
            page.fill("#param-idNumber", resident);
            page.click("#call");
            assertThat(page.locator("#answer-status")).containsText("SERVED");
            assertThat(page.locator("#answer")).containsText(resident);
            assertThat(page.locator("#answer")).not().containsText(phone);
            assertThat(page.locator("#answer")).containsText(Pattern.compile(phone.substring(0, 3) + "\\*+"));
            shoot(page, "share-try-masked-zh.png");
        }
    }
}
