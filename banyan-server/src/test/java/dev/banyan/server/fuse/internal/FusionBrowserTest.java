package dev.banyan.server.fuse.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.ConsoleLayout;
import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.platform.DatabaseInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fusion pages in a real headless Chromium: the statistics page, a search, a person file in Chinese (masked for
 * a data liaison), a company file, and the review queue in English, where a chief data officer keeps a pair apart.
 * Screenshots go to {@code target/screenshots}.
 */
@BanyanServerTest
class FusionBrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("BANYAN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    static final String PASSWORD = "fusion-browser-2026";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    List<DemoStep> steps;

    @Autowired
    Ingestion ingestion;

    @Autowired
    dev.banyan.server.ingest.IngestJobs jobs;

    @Autowired
    CityDatasetResources resources;

    @Autowired
    DatabaseInfo database;

    @Autowired
    BaseLibraryService libraries;

    @Autowired
    FusionStore store;

    @Autowired
    dev.banyan.server.identity.DepartmentDirectory departments;

    @BeforeAll
    static void startBrowser() {
        boolean required = System.getenv("BANYAN_REQUIRE_BROWSER") != null;
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("No Chromium at " + CHROMIUM + "; install Debian's chromium or set BANYAN_CHROMIUM");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + "; browser tests skipped (CI requires them)");
        }
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

    private Page signIn(BrowserContext context, String username, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, PASSWORD,
                    departments.findByCode("public-security").orElseThrow().id(), Set.of(role)));
        }
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", username);
        page.fill("#password", PASSWORD);
        page.click("#sign-in");
        return page;
    }

    @Test
    void browsesThePersonFileAndTheReviewQueue() throws Exception {
        Path city = FuseTestCity.land(steps, ingestion, jobs, resources, database);
        libraries.useCityDir(city);
        libraries.rebuild(EntityKind.PERSON, n -> { });
        libraries.rebuild(EntityKind.COMPANY, n -> { });
        // a person held by many departments, and a company
        String person = store.jdbc().sql("select entity_id from fusion.entity where kind = 'PERSON' order by sources desc, records desc, entity_id limit 1")
                .query(String.class).single();
        String name = store.jdbc().sql("select display_name from fusion.entity where kind = 'PERSON' and entity_id = ?")
                .param(person).query(String.class).single();
        String company = store.jdbc().sql("select entity_id from fusion.entity where kind = 'COMPANY' order by sources desc, records desc, entity_id limit 1")
                .query(String.class).single();
        Files.createDirectories(SCREENSHOTS);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page page = signIn(context, "fusion.liaison", Role.DATA_LIAISON);
            page.navigate("http://localhost:" + port + "/console/fusion");
            assertThat(page.locator("h1")).hasText("基础库");
            assertThat(page.locator("#library-person")).containsText("对照演示真值的准确率");
            ConsoleLayout.assertWholeMenuShown(page);
            page.fill("#entity-search input[name=q]", name);
            page.click("#entity-search button");
            assertThat(page.locator("#search-results")).containsText(person);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("fusion-statistics-zh.png")).setFullPage(true));

            page.click("#search-results a[href$='" + person + "']");
            assertThat(page.locator("h1")).containsText("一人一档");
            assertThat(page.locator("#golden")).containsText("权威来源");
            assertThat(page.locator("#masking-note")).containsText("已脱敏");
            assertThat(page.locator("#golden-id .value")).hasText(java.util.regex.Pattern.compile("^\\d{6}\\*{8}[0-9X]{4}$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("fusion-person-file-zh.png")).setFullPage(true));

            page.navigate("http://localhost:" + port + "/console/fusion/companies/" + company);
            assertThat(page.locator("h1")).containsText("一企一档");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("fusion-company-file-zh.png")).setFullPage(true));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en").setViewportSize(1280, 900))) {
            Page page = signIn(context, "fusion.cdo", Role.CHIEF_DATA_OFFICER);
            page.navigate("http://localhost:" + port + "/console/fusion/review?kind=person");
            assertThat(page.locator("h1")).hasText("Review queue");
            ConsoleLayout.assertWholeMenuShown(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("fusion-review-en.png")).setFullPage(true));
            if (page.locator(".pair").count() > 0) {
                page.locator(".pair").first().locator("input[name=comment]").fill("different birth dates");
                page.locator(".pair").first().locator("button[value=reject]").click();
                assertThat(page.locator(".notice")).containsText("Kept apart");
                assertThat(page.locator("#decided")).containsText("Different entities");
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("fusion-review-decided-en.png")).setFullPage(true));
            }
        }
    }
}
