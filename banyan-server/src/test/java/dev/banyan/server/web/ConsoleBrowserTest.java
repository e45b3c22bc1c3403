package dev.banyan.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.ConsoleLayout;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real headless Chromium (Debian's, driven by Playwright): sign in, read the home page
 * in Chinese, switch to English, register an application and see its secret once. Screenshots go to
 * {@code target/screenshots}.
 */
@BanyanServerTest
class ConsoleBrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("BANYAN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    static final String PASSWORD = "browser-test-2026";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DepartmentDirectory departments;

    @BeforeAll
    static void startBrowser() {
        boolean required = System.getenv("BANYAN_REQUIRE_BROWSER") != null;
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("No Chromium at " + CHROMIUM + "; install Debian's chromium or set BANYAN_CHROMIUM");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + "; browser tests skipped (CI requires them)");
        }
        // Use the system's Chromium: the machine cannot download Playwright's own browser build.
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

    @Test
    void signsInReadsChineseSwitchesToEnglishAndRegistersAnApplication() throws Exception {
        if (accounts.findByUsername("browser.admin").isEmpty()) {
            accounts.create(new NewUser("browser.admin", "浏览器测试管理员", PASSWORD, null, Set.of(Role.PLATFORM_ADMIN)));
        }
        Files.createDirectories(SCREENSHOTS);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            assertThat(page.locator("h1")).hasText("登录");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-zh.png")));

            page.fill("#username", "browser.admin");
            page.fill("#password", PASSWORD);
            page.click("#sign-in");
            assertThat(page.locator("h1")).hasText("欢迎使用 Banyan");
            assertThat(page.locator(".tagline").first()).hasText("让数据多跑路，群众少跑腿");
            // The administrator has the longest menu; it is shown whole, in either language.
            ConsoleLayout.assertWholeMenuShown(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-zh.png")).setFullPage(true));

            page.click("#lang-en");
            assertThat(page.locator("h1")).hasText("Welcome to Banyan");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            ConsoleLayout.assertWholeMenuShown(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-en.png")).setFullPage(true));

            // The choice sticks: the next page is English too, though the browser prefers Chinese.
            page.navigate("http://localhost:" + port + "/console/departments");
            assertThat(page.locator("h1")).hasText("Departments");

            page.navigate("http://localhost:" + port + "/console/clients");
            page.fill("#name", "Browser test system");
            page.click("#register-client");
            assertThat(page.locator("#secret-panel")).isVisible();
            String clientId = page.locator("#new-client-id").textContent();
            assertThat(clientId).isNotBlank();
            assertThat(page.locator("#new-client-secret").textContent()).hasSizeGreaterThan(30);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("clients-secret-en.png")).setFullPage(true));

            // Shown once: reloading the list shows the client but never its secret again.
            page.navigate("http://localhost:" + port + "/console/clients");
            assertThat(page.locator("#clients")).containsText(clientId);
            assertThat(page.locator("#secret-panel")).hasCount(0);

            // An account's page, in English, and one's own account page, in Chinese.
            long self = accounts.findByUsername("browser.admin").orElseThrow().id();
            page.navigate("http://localhost:" + port + "/console/users");
            page.click("#open-user-" + self);
            assertThat(page.locator("h1")).hasText("Account browser.admin");
            // One's own account cannot be disabled, so the page does not offer it.
            assertThat(page.locator("#disable-user")).hasCount(0);
            assertThat(page.locator("#reset-password")).isVisible();
            ConsoleLayout.assertWholeMenuShown(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("user-en.png")).setFullPage(true));

            page.click("#lang-zh");
            assertThat(page.locator("h1")).hasText("账号 browser.admin");
            page.click("#my-account");
            assertThat(page.locator("h1")).hasText("我的账号");
            page.fill("#currentPassword", PASSWORD);
            page.fill("#newPassword", "short1");
            page.fill("#confirmPassword", "short1");
            // The browser itself holds back a password shorter than the policy's minimum.
            assertThat(page.locator("#newPassword")).hasAttribute("minlength", "10");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-zh.png")).setFullPage(true));
        }
    }
}
