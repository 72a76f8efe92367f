package org.parallax.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parallax.app.support.SeedArticles;

/** The story pages in Chromium: compare rows, the coverage matrix, keyboard use and axe-core. */
@QuarkusTest
class StoryBrowserTests {

    private static final String BUZZFEED = "000_ed82de3322cf4176.txt";
    private static final String ANTIWAR = "001_3d7b2ec1440a76b5.txt";
    private static final String JPOST = "003_67f9020dfa8c06b0.txt";

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    @TestHTTPResource("/")
    URL home;

    @Inject
    SeedArticles seeds;

    private String url(String path) {
        return home.toString().replaceAll("/$", "") + path;
    }

    private String compareUrl() {
        return url("/stories/" + seeds.storyOf(BUZZFEED) + "/compare?articles=" + seeds.idOf(BUZZFEED) + ","
                + seeds.idOf(JPOST));
    }

    /** The table row holding a passage with this text in the given column (1-based). */
    private static Locator row(Page page, int column, String text) {
        return page.locator("table.compare tbody tr")
                .filter(new Locator.FilterOptions().setHas(page.locator("td[data-column=\"" + column + "\"]",
                        new Page.LocatorOptions().setHasText(text))));
    }

    @Test
    void compareKeepsTheKremlinStatementOnSharedRowsAndMarksRebootAgainstReset() {
        Page page = browser.newPage();
        page.navigate(compareUrl());
        assertThat(page).hasTitle(Pattern.compile("^Compare: "));

        Locator reboot = row(page, 1, "reboot our relations");
        assertThat(reboot).hasCount(1);
        assertThat(reboot.locator("td[data-column=\"2\"]")).containsText("reset our relations");
        assertThat(reboot.locator("td[data-column=\"1\"] mark.diff", new Locator.LocatorOptions().setHasText("reboot")))
                .hasCount(1);
        assertThat(reboot.locator("td[data-column=\"2\"] mark.diff", new Locator.LocatorOptions().setHasText("reset")))
                .hasCount(1);
        // Words that agree are not marked: the marks single out the differences.
        assertThat(reboot.locator("td[data-column=\"1\"] mark.diff", new Locator.LocatorOptions().setHasText("relations")))
                .hasCount(0);

        Locator challenges = row(page, 1, "One of today’s major strategic challenges");
        assertThat(challenges.locator("td[data-column=\"2\"]")).containsText("One of the main strategic challenges");
        // "field" differs twice in that paragraph: "the digital field" and "the field of security".
        assertThat(challenges.locator("td[data-column=\"1\"] mark.diff", new Locator.LocatorOptions().setHasText("field")))
                .hasCount(2);
        assertThat(challenges.locator("td[data-column=\"2\"] mark.diff", new Locator.LocatorOptions().setHasText("sphere")))
                .hasCount(1);

        // The third Kremlin passage comes earlier in the Jerusalem Post: a jump link connects it to its counterpart.
        Locator propose = row(page, 1, "[I propose]");
        Locator jump = propose.locator("td[data-column=\"1\"] a.jump");
        assertThat(jump).hasCount(1);
        String target = jump.getAttribute("href").substring(1);
        assertThat(page.locator("[id=\"" + target + "\"]")).containsText("exchanging guarantees of non-interference");
        jump.click();
        assertThat(page).hasURL(Pattern.compile("#" + target + "$"));

        // Focusing (or hovering) a passage highlights its counterpart in the other column (compare.js).
        Locator rebootPassage = reboot.locator("td[data-column=\"1\"] .passage[data-counterparts]",
                new Locator.LocatorOptions().setHasText("reboot")).first();
        rebootPassage.focus();
        String counterpart = rebootPassage.getAttribute("data-counterparts").split(" ")[0];
        assertThat(page.locator("[data-passage=\"" + counterpart + "\"]").first())
                .hasClass(Pattern.compile("is-counterpart"));
        BrowserSession.screenshot(page, "compare-desktop");
    }

    @Test
    void compareOnANarrowScreenShowsCounterpartsInlineInOneColumn() {
        Page page = browser.newPage(390, 844, false);
        page.navigate(compareUrl());
        Locator reboot = row(page, 1, "reboot our relations");
        BoundingBox first = reboot.locator("td[data-column=\"1\"]").boundingBox();
        BoundingBox second = reboot.locator("td[data-column=\"2\"]").boundingBox();
        assertThat(second.y).isGreaterThanOrEqualTo(first.y + first.height - 1);
        assertThat(second.x).isLessThan(first.x + first.width / 2);
        assertThat(reboot.locator("td[data-column=\"2\"] .compare__label")).isVisible();
        assertThat(reboot.locator("td[data-column=\"2\"] .compare__label")).hasText("The Jerusalem Post");
        BrowserSession.screenshot(page, "compare-narrow");
    }

    @Test
    void theStoryPageOnAPhoneScrollsOnlyItsMatrixSideways() {
        Page page = browser.newPage(375, 812, false);
        page.navigate(url("/stories/" + seeds.storyOf(ANTIWAR)));
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                + " document.querySelector('.matrix-wrap').scrollWidth, document.querySelector('.matrix-wrap').clientWidth]");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(2)).intValue()).as("the matrix is wider than a phone: it scrolls inside its box")
                .isGreaterThan(((Number) w.get(3)).intValue());
        assertThat(((Number) w.get(0)).intValue()).as("the page itself does not scroll sideways")
                .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
    }

    @Test
    void overviewMatrixShowsTheCrowdStrikePassageOnlyUnderAntiwar() {
        Page page = browser.newPage();
        page.navigate(url("/stories/" + seeds.storyOf(ANTIWAR)));
        List<String> outlets = page.locator("table.matrix thead th").allTextContents();
        Locator row = page.locator("table.matrix tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("th", new Page.LocatorOptions().setHasText("CrowdStrike"))));
        assertThat(row).hasCount(1);
        List<String> cells = row.locator("td").allTextContents().stream().map(String::strip).toList();
        assertThat(cells).hasSize(outlets.size() - 1);
        for (int i = 0; i < cells.size(); i++) {
            String outlet = outlets.get(i + 1).strip();
            if (outlet.equals("Antiwar.com")) {
                assertThat(cells.get(i)).as(outlet).contains("only here");
            } else {
                assertThat(cells.get(i)).as(outlet).contains("absent");
            }
        }
        assertThat(outlets).contains("Antiwar.com");
        BrowserSession.screenshot(page, "story-desktop");
    }

    @Test
    void keyboardAloneChoosesArticlesAndOpensTheComparison() {
        Page page = browser.newPage();
        page.navigate(url("/stories/" + seeds.storyOf(ANTIWAR)));
        String antiwar = String.valueOf(seeds.idOf(ANTIWAR));
        boolean checkedAntiwar = false;
        for (int presses = 0; presses < 80; presses++) {
            page.keyboard().press("Tab");
            String focused = (String) page.evaluate("() => { const e = document.activeElement; "
                    + "return e.tagName + ':' + (e.value || '') + ':' + (e.textContent || '').trim(); }");
            if (!checkedAntiwar && focused.equals("INPUT:" + antiwar + ":")) {
                page.keyboard().press("Space");
                checkedAntiwar = true;
            }
            if (focused.equals("BUTTON::Compare")) {
                break;
            }
        }
        assertThat(checkedAntiwar).as("the Antiwar.com checkbox was reached").isTrue();
        assertThat(page.locator("button:focus")).hasText("Compare");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/compare\\?articles="));
        assertThat(page.locator("h1")).containsText("Side by side");
        assertThat(page.locator("table.compare thead th")).hasCount(3);
        BrowserSession.screenshot(page, "compare-keyboard");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsOnTheReaderPages() {
        long story = seeds.storyOf(BUZZFEED);
        String[][] pages = {
                {"home", url("/")},
                {"story", url("/stories/" + story)},
                {"compare", compareUrl()},
                {"article", url("/articles/" + seeds.idOf(BUZZFEED))},
        };
        for (String[] target : pages) {
            for (boolean narrow : new boolean[] {false, true}) {
                Page page = narrow ? browser.newPage(390, 844, true) : browser.newPage(1280, 900, true);
                page.navigate(target[1]);
                BrowserSession.screenshot(page, target[0] + (narrow ? "-narrow" : "-desktop") + "-axe");
                assertThat(Axe.seriousViolations(page)).as(target[0] + (narrow ? " (narrow)" : "")).isEmpty();
            }
        }
    }
}
