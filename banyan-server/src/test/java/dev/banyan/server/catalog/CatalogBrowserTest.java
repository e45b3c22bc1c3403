package dev.banyan.server.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.ConsoleLayout;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real headless Chromium: a data liaison registers a resource in the editor, the chief data officer submits
 * it, the platform administrator publishes it from the review queue, and a search for 身份证 finds it.
 * Screenshots go to {@code target/screenshots}.
 */
@BanyanServerTest
class CatalogBrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("BANYAN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    static final String PASSWORD = "catalog-browser-2026";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    Catalog catalog;

    @BeforeAll
    static void startBrowser() {
        boolean required = System.getenv("BANYAN_REQUIRE_BROWSER") != null;
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("No Chromium at " + CHROMIUM + "; install Debian's chromium or set BANYAN_CHROMIUM");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + "; browser tests skipped (CI requires them)");
        }
        // The system's Chromium: the machine cannot download Playwright's own browser build.
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private void user(String username, Long department, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, PASSWORD, department, Set.of(role)));
        }
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", username);
        page.fill("#password", PASSWORD);
        page.click("#sign-in");
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        return page;
    }

    private BrowserContext context() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
    }

    @Test
    void liaisonRegistersChiefDataOfficerSubmitsAdministratorPublishes() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Dept d = CatalogFixtures.department(directory, "榕城市医疗保障局（浏览器测试）");
        String liaison = "browser.liaison." + d.id();
        String cdo = "browser.cdo." + d.id();
        user(liaison, d.id(), Role.DATA_LIAISON);
        user(cdo, d.id(), Role.CHIEF_DATA_OFFICER);
        user("browser.catalog.admin", null, Role.PLATFORM_ADMIN);
        String base = "http://localhost:" + port;

        String resourceUrl;
        try (BrowserContext context = context()) {
            Page page = signIn(context, liaison);
            page.navigate(base + "/console/catalog/resources");
            assertThat(page.locator("h1")).hasText("政务数据资源目录");
            page.click("#new-resource");
            assertThat(page.locator("h1")).hasText("登记资源");
            assertThat(page.locator("#code")).hasValue(Pattern.compile("301001-" + d.creditCode() + "-\\d{3}"));
            // Saving a form with several mistakes lists all of them, and keeps what was typed.
            page.fill("#nameEn", "Medical insurance enrolment");
            page.selectOption("#shareType", "NOT_SHARED");
            page.click("#save-resource");
            assertThat(page.locator("#form-errors li")).hasCount(2);
            assertThat(page.locator("#form-errors [data-field=nameZh]")).containsText("中文名称");
            assertThat(page.locator("#form-errors [data-field=shareLegalBasis]")).containsText("不予共享依据");
            assertThat(page.locator("#nameEn")).hasValue("Medical insurance enrolment");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-editor-errors-zh.png")));
            page.fill("#nameZh", "医保参保登记信息");
            page.fill("#nameEn", "Medical insurance enrolment");
            page.fill("#summary", "基本医疗保险参保人员登记信息，每日更新。");
            page.selectOption("#domain", "HEALTH");
            page.fill("#format", "数据库");
            page.selectOption("#updateCycle", "DAILY");
            page.fill("#sourceSystem", "医疗保障信息平台");
            page.selectOption("#shareType", "CONDITIONAL");
            page.fill("#shareConditions", "用于参保状态核验");
            page.selectOption("#grade", "IMPORTANT");
            page.fill("[name='fields[0].name']", "参保人公民身份号码");
            page.selectOption("[name='fields[0].dataElement']", "DE0001");
            page.selectOption("[name='fields[0].personalInformation']", "SENSITIVE_IDENTITY");
            page.selectOption("[name='fields[0].grade']", "IMPORTANT");
            page.fill("[name='fields[1].name']", "参保日期");
            page.selectOption("[name='fields[1].type']", "date");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-editor-zh.png")).setFullPage(true));
            page.click("#save-resource");
            assertThat(page.locator("#resource-status")).hasText("草稿");
            assertThat(page.locator("#fields")).containsText("公民身份号码");
            assertThat(page.locator("#submit-resource")).hasCount(0);
            resourceUrl = page.url();
        }
        try (BrowserContext context = context()) {
            Page page = signIn(context, cdo);
            page.navigate(resourceUrl);
            page.click("#submit-resource");
            assertThat(page.locator("#resource-status")).hasText("待审核");
        }
        try (BrowserContext context = context()) {
            Page page = signIn(context, "browser.catalog.admin");
            page.navigate(base + "/console/catalog/review");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-review-zh.png")).setFullPage(true));
            page.click("#review-queue >> text=医保参保登记信息");
            page.click("#publish-resource");
            assertThat(page.locator("#resource-status")).hasText("已发布");
            assertThat(page.locator("#versions")).containsText("发布");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-resource-zh.png")).setFullPage(true));
            ConsoleLayout.assertWholeMenuShown(page);

            // The same page in English.
            page.click("#lang-en");
            assertThat(page.locator("#resource-status")).hasText("Published");
            assertThat(page.locator("#fields")).containsText("Citizen identity number");
            ConsoleLayout.assertWholeMenuShown(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-resource-en.png")).setFullPage(true));
            page.click("#lang-zh");

            page.navigate(base + "/console/catalog/resources");
            page.fill("#catalog-q", "身份证");
            page.click("#catalog-search");
            assertThat(page.locator("#results")).containsText("医保参保登记信息");
            page.click("#facets >> text=有条件共享");
            assertThat(page.locator("#results")).containsText("医保参保登记信息");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-search-zh.png")).setFullPage(true));
        }
        Resource published = catalog.ofProvider(d.id()).getFirst();
        assertThat(published.status()).isEqualTo(ResourceStatus.PUBLISHED);
        assertThat(published.shareConditions()).isEqualTo("用于参保状态核验");
    }
}
