package org.parallax.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.support.MadeUpWords;
import org.parallax.app.support.TestSessions;
import org.parallax.core.user.Accounts;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.pipeline.IngestPipeline;

/** An editor corrects an article whose source named no outlet and no date, from the reader, in Chromium. */
@QuarkusTest
class CorrectionBrowserTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @TestHTTPResource("/")
    URL home;

    @Inject
    IngestPipeline pipeline;

    @Test
    void anEditorCorrectsTheOutletAndDateFromTheReader(@TempDir Path files) throws Exception {
        String editor = "co" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Arc.container().instance(Accounts.class).get().createOrPromoteAdmin(editor, TestSessions.PASSWORD);
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        String headline = "Lighthouse keepers return to the western isles " + nonce;
        Path article = Files.writeString(files.resolve("lighthouse.txt"), headline + "\n\n"
                + "Keepers will staff three lighthouses on the western isles again from next spring, the board said, "
                + "reversing an automation plan that islanders had fought for a decade ("
                + MadeUpWords.words(30) + ").\n\n"
                + "“The lamps never needed us, the boats did,” said a retired keeper who now runs the museum on the "
                + "pier. The board's decision, reference " + nonce + ", takes effect in April (" + MadeUpWords.words(30) + ").", StandardCharsets.UTF_8);
        var summary = pipeline.ingest("browser correction", List.of(Input.ofFile(article)));
        assertThat(summary.created()).as(summary.toString()).isEqualTo(1);

        // CSP bypassed only so that axe-core can be injected; the app's own pages need no inline script.
        Page page = browser.newPage(1280, 900, true);
        AnnotationBrowserTests.logIn(page, home.toString(), editor, TestSessions.PASSWORD);
        page.navigate(home + "search?q=" + nonce);
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline)).first().click());
        assertThat(page.locator(".reader__header .outlet")).hasText("Unknown outlet");

        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Correct the details")).click());
        assertThat(page.getByLabel("Headline", EXACT)).hasValue(headline);
        assertThat(Axe.seriousViolations(page)).as("details form").isEmpty();
        page.getByLabel("Outlet", EXACT).fill("Island Record");
        page.getByLabel("Date", EXACT).fill("2023-11-02");
        page.getByLabel("Time", EXACT).fill("06:15");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save corrections")).click());

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 details corrected.");
        assertThat(page.locator(".details-history tbody tr")).hasCount(2);
        assertThat(page.locator(".details-history")).containsText(editor);
        BrowserSession.screenshot(page, "article-details-corrected");
        assertThat(Axe.seriousViolations(page)).as("details after saving").isEmpty();

        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the article")).click());
        assertThat(page.locator(".reader__header .outlet")).hasText("Island Record");
        assertThat(page.locator(".reader__header time")).hasAttribute("datetime", "2023-11-02");
        assertThat(page.locator(".provenance")).containsText("Details corrected by an editor on");
    }
}
