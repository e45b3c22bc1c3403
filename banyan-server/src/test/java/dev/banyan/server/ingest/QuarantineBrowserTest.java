package dev.banyan.server.ingest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.ConsoleLayout;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real headless Chromium: a department's data liaison opens the data quality page and the quarantine in Chinese
 * and English, tries a wrong correction (still failing, nothing changed), corrects the row, and dismisses another with
 * a reason. Screenshots go to {@code target/screenshots}.
 */
@BanyanServerTest
class QuarantineBrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("BANYAN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    static final String PASSWORD = "quarantine-browser-2026";

    static Playwright playwright;
    static Browser browser;

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    Catalog catalog;

    @Autowired
    Ingestion ingestion;

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

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void aLiaisonReadsTheQualityAndCorrectsAQuarantinedRowInBothLanguages() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Resource r = QuarantineFixtures.personResource(directory, catalog);
        QuarantineFixtures.land(ingestion, dir, r, "clean.csv", QuarantineFixtures.CLEAN);
        IngestBatch messy = QuarantineFixtures.land(ingestion, dir, r, "people.csv", QuarantineFixtures.MESSY);
        String liaison = "browser.quarantine." + r.providerId();
        if (accounts.findByUsername(liaison).isEmpty()) {
            accounts.create(new NewUser(liaison, liaison, PASSWORD, r.providerId(), Set.of(Role.DATA_LIAISON)));
        }
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.fill("#username", liaison);
            page.fill("#password", PASSWORD);
            page.click("#sign-in");
            assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));

            // the batch with its governing, from the menu's batches page
            page.navigate(base + "/console/ingest/batches/" + messy.id());
            assertThat(page.locator("#batch-invariant")).containsText("读取 6 行 = 标准化 4 行 + 隔离 2 行");
            assertThat(page.locator("#field-quality")).containsText("公民身份号码");
            shot(page, "ingest-batch-governed-zh.png");

            // the quality page, from the top menu
            page.click(".menu >> text=数据质量");
            assertThat(page.locator("h1")).hasText("数据质量");
            assertThat(page.locator("[data-resource] td").first()).containsText(r.nameZh());
            assertThat(page.locator("svg.sparkline").first()).isVisible();
            ConsoleLayout.assertWholeMenuShown(page);
            shot(page, "ingest-quality-zh.png");
            page.click("#lang-en");
            assertThat(page.locator("h1")).hasText("Data quality");
            assertThat(page.locator(".department-quality h2")).containsText("Department score");
            ConsoleLayout.assertWholeMenuShown(page);
            shot(page, "ingest-quality-en.png");

            // the quarantine of the resource, in English then Chinese
            page.click("[data-resource] td.num a.bad");
            assertThat(page.locator("#quarantine-rows")).containsText("The business key is empty");
            assertThat(page.locator("#problem-codes")).isVisible();
            shot(page, "ingest-quarantine-en.png");
            page.click("#lang-zh");
            assertThat(page.locator("#quarantine-rows")).containsText("业务主键为空");
            shot(page, "ingest-quarantine-zh.png");

            // a wrong correction changes nothing; the right one puts the row into the STANDARD zone
            page.click("#quarantine-rows tbody tr >> nth=0 >> td >> nth=0 >> a");
            assertThat(page.locator("#row-status")).hasText("待处理");
            assertThat(page.locator("tr.at-fault")).hasCount(1);
            page.fill("#v" + QuarantineFixtures.IDENTITY, "350102197512300033");
            page.click("#correct");
            assertThat(page.locator("#still-failing")).isVisible();
            assertThat(page.locator("#v" + QuarantineFixtures.IDENTITY)).hasValue("350102197512300033");
            shot(page, "ingest-quarantine-row-still-failing-zh.png");
            page.fill("#v" + QuarantineFixtures.IDENTITY, "350102197512300032");
            page.click("#correct");
            assertThat(page.locator(".notice")).containsText("已更正");
            assertThat(page.locator("#quarantine-counts [data-status=CORRECTED]")).hasText("1");

            // the other row is dismissed with a reason, in English
            page.click("#lang-en");
            page.click("#quarantine-rows tbody tr >> nth=0 >> td >> nth=0 >> a");
            shot(page, "ingest-quarantine-row-en.png");
            page.fill("#reason", "A test record of the source system");
            page.click("#dismiss");
            assertThat(page.locator(".notice")).containsText("dismissed");
            assertThat(page.locator("#no-rows")).isVisible();
            shot(page, "ingest-quarantine-empty-en.png");
        }
        // the administrator sees every department's quality and the batches with their governing
        if (accounts.findByUsername("browser.quality.admin").isEmpty()) {
            accounts.create(new NewUser("browser.quality.admin", "browser.quality.admin", PASSWORD, null,
                    Set.of(Role.PLATFORM_ADMIN)));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en")
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(base + "/login?lang=en");
            page.fill("#username", "browser.quality.admin");
            page.fill("#password", PASSWORD);
            page.click("#sign-in");
            page.navigate(base + "/console/ingest/quality?lang=en");
            assertThat(page.locator(".department-quality[data-department='" + directory.get(r.providerId()).code() + "']"))
                    .containsText("Department score");
            assertThat(page.locator(".menu a.active")).hasText("Data quality");
            ConsoleLayout.assertWholeMenuShown(page);
            shot(page, "ingest-quality-admin-en.png");
            page.navigate(base + "/console/ingest?lang=zh-CN");
            assertThat(page.locator("#batches")).containsText("已隔离");
            assertThat(page.locator(".menu a.active")).hasText("采集批次");
            shot(page, "ingest-batches-zh.png");
        }
        assertThat(ingestion.quarantineCount(r.code(), QuarantinedRow.Status.OPEN)).isZero();
        assertThat(ingestion.quarantine(r.code(), QuarantinedRow.Status.CORRECTED, 0, 10))
                .extracting(QuarantinedRow::resolvedBy).containsExactly(liaison);
    }
}
