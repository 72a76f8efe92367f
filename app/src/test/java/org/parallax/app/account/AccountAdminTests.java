package org.parallax.app.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestSessions;
import org.parallax.core.user.AppUser;
import org.parallax.core.user.Accounts;
import org.parallax.core.user.LoginThrottle;

/** Administrators make registered readers editors (and back) in the browser; nobody else can. */
@QuarkusTest
class AccountAdminTests {

    @Inject
    Accounts accounts;

    @Inject
    EntityManager em;

    @Inject
    LoginThrottle throttle;

    private static Document page(TestSessions.Session session, String path) {
        return Jsoup.parse(given().filter(session.cookies()).get(path).then().statusCode(200).extract().asString());
    }

    private static io.restassured.response.Response setRole(TestSessions.Session admin, String username, String role) {
        return given().filter(admin.cookies()).redirects().follow(false)
                .formParam("csrf-token", admin.csrfToken()).formParam("role", role)
                .when().post("/admin/accounts/{username}/role", username);
    }

    private static String level(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Accounts.level(AppUser.findByUsername(username).orElseThrow()));
    }

    @Test
    void anAdministratorMakesAReaderAnEditorAndItAppliesOnTheirNextPage() {
        TestSessions.Session admin = TestSessions.editor();
        TestSessions.Session reader = TestSessions.reader();
        given().filter(reader.cookies()).get("/ingest").then().statusCode(403);
        Document list = page(admin, "/admin/accounts");
        assertThat(list.select("nav a[href=/admin/accounts]")).hasSize(1);
        assertThat(list.select("form[action=/admin/accounts/" + reader.username() + "/role] option[selected]").text())
                .isEqualTo("reader");
        assertThat(list.select("th:contains(" + admin.username() + ")").text()).endsWith("(you)");

        String location = setRole(admin, reader.username(), "editor").then().statusCode(303).extract().header("Location");
        assertThat(location).endsWith("/admin/accounts?changed=" + reader.username());
        assertThat(page(admin, "/admin/accounts?changed=" + reader.username()).select("[role=status]").text())
                .isEqualTo("“" + reader.username() + "” is now an editor.");
        // The same session, not logged in again: roles are read on every request.
        given().filter(reader.cookies()).get("/ingest").then().statusCode(200);
        assertThat(page(reader, "/").select("nav a[href=/ingest]")).hasSize(1);
        assertThat(page(reader, "/").select("nav a[href=/admin/accounts]")).isEmpty();

        setRole(admin, reader.username(), "reader").then().statusCode(303);
        given().filter(reader.cookies()).get("/ingest").then().statusCode(403);
        assertThat(level(reader.username())).isEqualTo("reader");
    }

    @Test
    void readersAndEditorsNeitherSeeNorChangeAccounts() throws Exception {
        TestSessions.Session reader = TestSessions.reader();
        TestSessions.Session editor = TestSessions.reader();
        QuarkusTransaction.requiringNew().call(() -> accounts.setRole(editor.username(), "editor"));
        for (TestSessions.Session session : java.util.List.of(reader, editor)) {
            given().filter(session.cookies()).get("/admin/accounts").then().statusCode(403);
            setRole(session, session.username(), "admin").then().statusCode(403);
        }
        io.restassured.response.Response visitor = given().redirects().follow(false).get("/admin/accounts");
        assertThat(visitor.statusCode()).isIn(302, 303);
        assertThat(visitor.header("Location")).endsWith("/login");
        assertThat(level(reader.username())).isEqualTo("reader");
        assertThat(level(editor.username())).isEqualTo("editor");
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrWithAnUnknownLevelChangesNothing() {
        TestSessions.Session admin = TestSessions.editor();
        TestSessions.Session reader = TestSessions.reader();
        given().filter(admin.cookies()).formParam("role", "editor")
                .when().post("/admin/accounts/{username}/role", reader.username()).then().statusCode(403);
        String answer = setRole(admin, reader.username(), "owner").then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(answer).select("[role=alert]").text()).isEqualTo("Choose reader, editor or admin, not “owner”.");
        setRole(admin, "nobody-" + reader.username(), "editor").then().statusCode(400);
        assertThat(level(reader.username())).isEqualTo("reader");
    }

    /** Someone who forgot their password (and locked the account guessing) gets a new one from an administrator. */
    @Test
    void anAdministratorGivesSomeoneWhoForgotTheirPasswordANewOne() {
        TestSessions.Session admin = TestSessions.editor();
        String name = TestSessions.reader().username();
        for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS; i++) {
            throttle.accountAttempt(name);
        }
        assertThat(logsIn(name, TestSessions.PASSWORD)).as("locked").isFalse();
        Document form = page(admin, "/admin/accounts/" + name + "/password");
        assertThat(form.select("form[action=/admin/accounts/" + name + "/password] input[type=password]")).hasSize(2);
        String fresh = "violet harbour engine seventeen";

        assertThat(Jsoup.parse(resetPassword(admin, name, fresh, fresh + "x").then().statusCode(400).extract().asString())
                .select("[role=alert]").text()).isEqualTo("The two passwords differ; type them again.");
        assertThat(Jsoup.parse(resetPassword(admin, name, name + " is my name ok", name + " is my name ok").then()
                .statusCode(400).extract().asString()).select("[role=alert]").text())
                .isEqualTo("The password must not contain the username.");
        String location = resetPassword(admin, name, fresh, fresh).then().statusCode(303).extract().header("Location");

        assertThat(location).endsWith("/admin/accounts?reset=" + name);
        assertThat(page(admin, "/admin/accounts?reset=" + name).select("[role=status]").text())
                .startsWith("“" + name + "” has a new password");
        assertThat(logsIn(name, TestSessions.PASSWORD)).isFalse();
        assertThat(logsIn(name, fresh)).as("the lock is lifted with the new password").isTrue();
    }

    @Test
    void onlyAdministratorsSetPasswordsAndOnlyOfAccountsThatExist() {
        TestSessions.Session reader = TestSessions.reader();
        TestSessions.Session other = TestSessions.reader();
        given().filter(reader.cookies()).get("/admin/accounts/{name}/password", other.username()).then().statusCode(403);
        resetPassword(reader, other.username(), "violet harbour engine seventeen", "violet harbour engine seventeen")
                .then().statusCode(403);
        assertThat(logsIn(other.username(), TestSessions.PASSWORD)).isTrue();
        given().filter(TestSessions.editor().cookies()).get("/admin/accounts/nobody-{name}/password", other.username())
                .then().statusCode(404);
    }

    private static io.restassured.response.Response resetPassword(TestSessions.Session admin, String username,
                                                                  String password, String again) {
        return given().filter(admin.cookies()).redirects().follow(false)
                .formParam("csrf-token", admin.csrfToken()).formParam("password", password)
                .formParam("password-again", again)
                .when().post("/admin/accounts/{username}/password", username);
    }

    private static boolean logsIn(String username, String password) {
        return !AccountsTests.login(new io.restassured.filter.cookie.CookieFilter(), username, password)
                .header("Location").contains("error");
    }

    /** Whoever it is, the last administrator cannot be made a reader or editor: nobody could manage accounts. */
    @Test
    void theLastAdministratorStaysOne() {
        TestSessions.Session admin = TestSessions.editor();
        // Every other account loses the role inside this transaction, which is then rolled back.
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("update app_user set roles = 'reader' where username <> ?1")
                    .setParameter(1, admin.username()).executeUpdate();
            assertThatThrownBy(() -> accounts.setRole(admin.username(), "editor"))
                    .isInstanceOf(Accounts.Rejected.class)
                    .hasMessage("“" + admin.username() + "” is the only administrator; make another account an "
                            + "administrator first.");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(level(admin.username())).isEqualTo("admin");
    }
}
