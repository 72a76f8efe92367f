package org.parallax.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parallax.app.support.TestSessions;
import org.parallax.core.user.Accounts;

/** In the browser: an administrator makes a reader an editor, and the reader changes their password. */
@QuarkusTest
class AccountBrowserTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    @TestHTTPResource("/")
    URL home;

    private static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void anAdministratorMakesAReaderAnEditorWhoThenChangesTheirPassword() throws Exception {
        Accounts accounts = Arc.container().instance(Accounts.class).get();
        String admin = name("ad");
        String reader = name("rd");
        accounts.createOrPromoteAdmin(admin, TestSessions.PASSWORD);
        accounts.register(reader, TestSessions.PASSWORD);

        Page page = browser.newPage(1280, 900, true);
        AnnotationBrowserTests.logIn(page, home.toString(), admin, TestSessions.PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts")).click());
        assertThat(page).hasTitle("Accounts · Parallax");
        assertThat(Axe.seriousViolations(page)).as("accounts").isEmpty();
        page.getByLabel("Level of " + reader).selectOption("editor");
        page.waitForNavigation(() -> page.locator("form[action='/admin/accounts/" + reader + "/role'] button").click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("“" + reader + "” is now an editor.");
        assertThat(page.getByLabel("Level of " + reader)).hasValue("editor");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Set a new one for " + reader)).click());
        assertThat(page.locator("h1")).hasText("New password for " + reader);
        assertThat(Axe.seriousViolations(page)).as("new password form").isEmpty();
        AnnotationBrowserTests.logOut(page);

        AnnotationBrowserTests.logIn(page, home.toString(), reader, TestSessions.PASSWORD);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add articles"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts"))).hasCount(0);
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Password")).click());
        assertThat(Axe.seriousViolations(page)).as("password form").isEmpty();
        String fresh = "lantern copper thistle ninety";
        page.getByLabel("Current password").fill(TestSessions.PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(fresh);
        page.getByLabel("New password again").fill(fresh);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your password is changed.");
        BrowserSession.screenshot(page, "password-changed");
        AnnotationBrowserTests.logOut(page);
        AnnotationBrowserTests.logIn(page, home.toString(), reader, fresh);
    }
}
