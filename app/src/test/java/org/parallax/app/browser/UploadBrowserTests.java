package org.parallax.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.support.TestSessions;
import org.parallax.core.user.Accounts;

/** An editor adds articles from the browser: choose files, upload, open what was stored. */
@QuarkusTest
class UploadBrowserTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    @TestHTTPResource("/")
    URL home;

    @Test
    void anEditorAddsArticlesAndOpensOneFromTheReport(@TempDir Path files) throws Exception {
        String editor = "up" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Arc.container().instance(Accounts.class).get().createOrPromoteAdmin(editor, TestSessions.PASSWORD);
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        String headline = "Ferry crews vote to strike over rosters " + nonce;
        Path article = Files.writeString(files.resolve("ferry.txt"), headline + "\n\n"
                + "Ferry crews on the northern routes voted on Tuesday to strike over new rosters, union officials said. "
                + "The operator said it would keep talking and that timetables stay as they are for now.\n\n"
                + "“We asked for predictable shifts and got longer ones,” said a deckhand who has worked the crossing "
                + "for eleven years. The vote, reference " + nonce + ", passed by a wide margin.", StandardCharsets.UTF_8);
        Path empty = Files.write(files.resolve("empty.txt"), new byte[0]);

        // CSP bypassed only so that axe-core can be injected; the app's own pages need no inline script.
        Page page = browser.newPage(1280, 900, true);
        AnnotationBrowserTests.logIn(page, home.toString(), editor, TestSessions.PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add articles")).click());
        assertThat(page).hasTitle("Add articles · Parallax");
        assertThat(Axe.seriousViolations(page)).as("upload form").isEmpty();

        page.getByLabel("Files").setInputFiles(new Path[] {article, empty});
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add articles")).click());

        assertThat(page.locator(".upload__summary")).containsText("2 files read: 1 new, 0 already stored, 0 near-duplicates, 1 failed.");
        assertThat(page.locator(".upload__failures")).containsText("empty.txt: empty file");
        BrowserSession.screenshot(page, "upload-report");
        assertThat(Axe.seriousViolations(page)).as("upload report").isEmpty();
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline)).click());
        assertThat(page.locator(".reader__headline")).hasText(headline);
        BrowserSession.screenshot(page, "upload-opened-article");
    }
}
