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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parallax.app.annotation.AnnotationFixtures;
import org.parallax.app.support.SeedArticles;
import org.parallax.app.support.TestSessions;
import org.parallax.core.user.Accounts;

/** Acceptance 1 of the annotations issue, in Chromium: annotate, reload, and what another user sees. */
@QuarkusTest
class AnnotationBrowserTests {

    static final String PRIVATE_SENTENCE = "In a surprising and somewhat cryptic statement posted to the Kremlin’s site, "
            + "Putin extended an offer to President Donald Trump for the adversarial nations to reset relations "
            + "and agree not to meddle in each other’s internal affairs, including elections.";
    static final String SHARED_PHRASE = "Stop your meddling first.";

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    @TestHTTPResource("/")
    URL home;

    @Inject
    SeedArticles seeds;

    @Inject
    AnnotationFixtures fixtures;

    /** Selects the first occurrence of {@code text} inside the article body, as a reader would. */
    static void select(Page page, String text) {
        select(page, ".reader__body [data-start]", text);
    }

    static void select(Page page, String paragraphs, String text) {
        // Other tests' shared highlights may already split the paragraph into several text nodes.
        Object found = page.evaluate("""
                ([selector, text]) => {
                  for (const p of document.querySelectorAll(selector)) {
                    const at = p.textContent.indexOf(text);
                    if (at < 0) continue;
                    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                    const range = document.createRange();
                    let offset = 0;
                    let started = false;
                    while (walker.nextNode()) {
                      const node = walker.currentNode;
                      const length = node.nodeValue.length;
                      if (!started && at < offset + length) {
                        range.setStart(node, at - offset);
                        started = true;
                      }
                      if (started && at + text.length <= offset + length) {
                        range.setEnd(node, at + text.length - offset);
                        const selection = window.getSelection();
                        selection.removeAllRanges();
                        selection.addRange(range);
                        return true;
                      }
                      offset += length;
                    }
                  }
                  return false;
                }""", java.util.List.of(paragraphs, text));
        if (!Boolean.TRUE.equals(found)) {
            BrowserSession.screenshot(page, "annotations-selection-failed");
        }
        assertThat(found).as("'%s' on %s:%n%s", text, page.url(), page.locator("body").innerText()).isEqualTo(true);
    }

    /** Annotates the selection with the keyboard only: the button, the note, the tags, the visibility. */
    static void annotateWithKeyboard(Page page, String note, String tags, boolean shared) {
        assertThat(page.locator("#annotate-start")).isEnabled();
        page.locator("#annotate-start").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#annotate-note")).isFocused();
        page.keyboard().type(note);
        page.keyboard().press("Tab");
        assertThat(page.locator("#annotate-tags")).isFocused();
        page.keyboard().type(tags);
        page.keyboard().press("Tab");
        if (shared) {
            page.keyboard().press("ArrowDown");
            assertThat(page.locator("input[name=visibility][value=shared]")).isChecked();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save annotation")).focus();
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
    }

    /** The highlighted text of one annotation, across the marks it was drawn with. */
    static String textOfMarks(Page page, String annotationId) {
        return textOfMarks(page, ".reader__body mark.annotation-mark", annotationId);
    }

    static String textOfMarks(Page page, String marks, String annotationId) {
        return (String) page.evaluate("""
                ([selector, id]) => Array.from(document.querySelectorAll(selector))
                        .filter(m => m.getAttribute('data-annotation-id') === id).map(m => m.textContent).join('')""",
                java.util.List.of(marks, annotationId));
    }

    static void logIn(Page page, String base, String username, String password) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click());
        assertThat(page.locator(".account__name")).hasText(username);
    }

    static void logOut(Page page) {
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in")).first()).isVisible();
    }

    @Test
    void annotateReloadAndShareWithAnotherUser() {
        String base = home.toString();
        String article = base + "articles/" + seeds.idOf("000_ed82de3322cf4176.txt");
        String alice = "al" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String privateNote = "Private thought " + alice;
        String sharedNote = "Shared remark " + alice;
        Page page = browser.newPage();

        page.navigate(base + "register");
        page.getByLabel("Username").fill(alice);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestSessions.PASSWORD);
        page.getByLabel("Password again").fill(TestSessions.PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click());
        logIn(page, base, alice, TestSessions.PASSWORD);

        page.navigate(article);
        select(page, PRIVATE_SENTENCE);
        annotateWithKeyboard(page, privateNote, "translation, kremlin", false);
        select(page, SHARED_PHRASE);
        annotateWithKeyboard(page, sharedNote, "white-house", true);

        page.reload();
        String privateId = page.locator(".annotation", new Page.LocatorOptions().setHasText(privateNote))
                .getAttribute("data-annotation-id");
        String sharedId = page.locator(".annotation", new Page.LocatorOptions().setHasText(sharedNote))
                .getAttribute("data-annotation-id");
        assertThat(textOfMarks(page, privateId)).isEqualTo(PRIVATE_SENTENCE);
        assertThat(textOfMarks(page, sharedId)).isEqualTo(SHARED_PHRASE);
        assertThat(page.locator(".annotation__note", new Page.LocatorOptions().setHasText(privateNote))).isVisible();
        assertThat(page.locator("#annotation-" + privateId + " .tag")).hasText(new String[] {"translation", "kremlin"});
        assertThat(page.locator("#annotation-" + sharedId + " .annotation__meta")).containsText("shared");
        BrowserSession.screenshot(page, "annotations-author");
        logOut(page);

        String bob = "bo" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            Arc.container().instance(Accounts.class).get().register(bob, TestSessions.PASSWORD);
        } catch (Accounts.Rejected e) {
            throw new AssertionError(e.getMessage());
        }
        logIn(page, base, bob, TestSessions.PASSWORD);
        page.navigate(article);
        assertThat(page.locator(".annotation__note", new Page.LocatorOptions().setHasText(sharedNote))).isVisible();
        assertThat(page.locator("#annotations")).not().containsText(privateNote);
        assertThat(page.locator("#annotation-" + privateId)).hasCount(0);
        assertThat(textOfMarks(page, sharedId)).isEqualTo(SHARED_PHRASE);
        assertThat(textOfMarks(page, privateId)).isEmpty();
        BrowserSession.screenshot(page, "annotations-other-user");
        logOut(page);
        page.navigate(article);
        assertThat(page.locator("#annotations")).not().containsText(sharedNote);
    }

    @Test
    void aNoteWithALongLinkDoesNotWidenThePageOnAPhone() {
        TestSessions.Session alice = TestSessions.reader();
        long article = seeds.idOf("000_ed82de3322cf4176.txt");
        String link = "https://example.org/search?q=" + "nonInterferenceAgreement".repeat(12);
        alice.request().contentType("application/ld+json; charset=UTF-8")
                .body(fixtures.annotationOn(article, SHARED_PHRASE, "Compare " + link, java.util.List.of("t".repeat(50)),
                        "private"))
                .post("/api/annotations").then().statusCode(201);
        Page page = browser.newPage(375, 812, false);
        logIn(page, home.toString(), alice.username(), TestSessions.PASSWORD);
        for (String path : java.util.List.of("articles/" + article, "me/annotations")) {
            page.navigate(home + path);
            assertThat(page.locator(".annotation__note", new Page.LocatorOptions().setHasText(link))).isVisible();
            java.util.List<?> widths = (java.util.List<?>) page.evaluate(
                    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            assertThat(((Number) widths.get(0)).intValue()).as("/%s scrolls sideways", path)
                    .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
        }
    }

    /** Annotate once in the side-by-side view, see it on the counterpart passage of the other column too. */
    @Test
    void annotateInTheCompareViewAndSeeItOnTheAlignedPassage() {
        String base = home.toString();
        String seed = "000_ed82de3322cf4176.txt";
        long article = seeds.idOf(seed);
        long[] link = fixtures.linkFrom(article);
        String exact = fixtures.body(article).substring((int) link[0], (int) link[1]);
        String user = "cm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            Arc.container().instance(Accounts.class).get().register(user, TestSessions.PASSWORD);
        } catch (Accounts.Rejected e) {
            throw new AssertionError(e.getMessage());
        }
        Page page = browser.newPage();
        logIn(page, base, user, TestSessions.PASSWORD);
        page.navigate(base + "stories/" + seeds.storyOf(seed) + "/compare?articles=" + article + "," + link[2]);

        select(page, "p[data-article=\"" + article + "\"][data-start]", exact);
        String note = "Compared " + user;
        annotateWithKeyboard(page, note, "compare", false);

        String id = page.locator(".annotation:not(.annotation--linked)", new Page.LocatorOptions().setHasText(note))
                .first().getAttribute("data-annotation-id");
        assertThat(textOfMarks(page, "[data-article=\"" + article + "\"] mark.annotation-mark:not(.annotation-mark--linked)", id))
                .isEqualTo(exact);
        assertThat(textOfMarks(page, "[data-article=\"" + link[2] + "\"] mark.annotation-mark--linked", id)).isNotBlank();
        assertThat(page.locator(".annotation--linked", new Page.LocatorOptions().setHasText(note)).locator(".annotation__from"))
                .containsText("From the linked passage in");
        BrowserSession.screenshot(page, "annotations-compare");

        page.navigate(base + "articles/" + link[2]);
        assertThat(textOfMarks(page, ".reader__body mark.annotation-mark--linked", id)).isNotBlank();
    }
}
