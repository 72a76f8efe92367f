package org.parallax.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class ReadingBrowserTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    @TestHTTPResource("/")
    URL home;

    @Test
    void readerFollowsAStoryLinkToTheArticle() {
        Page page = browser.newPage();
        page.navigate(home.toString());
        assertThat(page).hasTitle("Parallax: stories");
        BrowserSession.screenshot(page, "home");

        // The home page lists stories; a story's overview lists its articles.
        page.locator(".story-card__title a", new Page.LocatorOptions()
                .setHasText("Putin Calls For Mutual Ban on Election Meddling With US")).click();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("coverage · Parallax$"));
        assertThat(page.locator("h1")).hasText("Putin Calls For Mutual Ban on Election Meddling With US");
        page.locator(".coverage-item__headline a", new Page.LocatorOptions()
                .setHasText("Putin Calls For Mutual Ban on Election Meddling With US")).click();

        assertThat(page.locator("h1")).hasText("Putin Calls For Mutual Ban on Election Meddling With US");
        assertThat(page.locator("h1")).isVisible();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Putin Calls For Mutual Ban.*Antiwar\\.com"));
        assertThat(page.locator(".reader__byline")).hasText("By Dave DeCamp");
        BrowserSession.screenshot(page, "article");
    }

    @Test
    void skipLinkMovesKeyboardFocusToTheContent() {
        Page page = browser.newPage();
        page.navigate(home.toString());
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();
    }
}
