package dev.banyan.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, driven by Playwright for a browser test of the console — or the test skipped when the
 * machine has none (CI sets {@code BANYAN_REQUIRE_BROWSER} to fail instead). Screenshots go to {@link #SCREENSHOTS}.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("BANYAN_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts the browser; aborts the calling test (skipped) when there is no Chromium and none is required. */
    public static HeadlessChromium start() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("BANYAN_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("No Chromium at " + CHROMIUM + "; install Debian's chromium or set BANYAN_CHROMIUM");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + "; browser tests skipped (CI requires them)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new HeadlessChromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"))));
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
