package org.parallax.app.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium from the system's packages, driven by Playwright. Playwright never downloads a
 * browser here: the machine has no route to its CDN, and Debian's Chromium is the one users run.
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARALLAX_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    public BrowserSession() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    /** The session a browser test class shares; the class is skipped, with the reason, where Chromium is missing. */
    public static BrowserSession startOrSkip() {
        Assumptions.assumeTrue(chromiumInstalled(),
                "Chromium is not installed (apt-get install chromium); .ci/run installs it");
        return new BrowserSession();
    }

    /** Closes a session that {@link #startOrSkip()} may not have opened. */
    public static void closeIfStarted(BrowserSession session) {
        if (session != null) {
            session.close();
        }
    }

    public Page newPage() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    }

    /**
     * A page of the given size. {@code bypassCsp} only for pages axe-core is injected into: the page's CSP
     * rightly refuses the injected script.
     */
    public Page newPage(int width, int height, boolean bypassCsp) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setBypassCSP(bypassCsp)).newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
