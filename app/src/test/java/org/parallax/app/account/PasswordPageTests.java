package org.parallax.app.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestSessions;
import org.parallax.core.user.LoginThrottle;

/** A logged-in person changes their password at /me/password, proving the current one first. */
@QuarkusTest
class PasswordPageTests {

    private static final String NEW_PASSWORD = "copper kettle meadow ninety";

    private static Response change(TestSessions.Session session, String current, String password, String again) {
        return given().filter(session.cookies()).redirects().follow(false)
                .formParam("csrf-token", session.csrfToken()).formParam("current", current)
                .formParam("password", password).formParam("password-again", again)
                .when().post("/me/password");
    }

    private static String alert(Response answer) {
        return Jsoup.parse(answer.asString()).select("[role=alert]").text();
    }

    private static boolean logsIn(String username, String password) {
        return !AccountsTests.login(new CookieFilter(), username, password).header("Location").contains("error");
    }

    @Test
    void aPasswordIsChangedWithTheCurrentOneAndOnlyTheNewOneLogsInAfterwards() {
        TestSessions.Session alice = TestSessions.reader();
        assertThat(Jsoup.parse(given().filter(alice.cookies()).get("/me/password").then().statusCode(200).extract()
                .asString()).select("form[action=/me/password] input[name=current][type=password]")).hasSize(1);

        Response done = change(alice, TestSessions.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/me/password?changed");
        assertThat(Jsoup.parse(given().filter(alice.cookies()).get("/me/password?changed").asString())
                .select("[role=status]").text()).isEqualTo("Your password is changed.");
        assertThat(logsIn(alice.username(), TestSessions.PASSWORD)).isFalse();
        assertThat(logsIn(alice.username(), NEW_PASSWORD)).isTrue();
    }

    @Test
    void aBadNewPasswordIsRefusedWithAReasonAndTheOldOneStays() {
        TestSessions.Session bob = TestSessions.reader();
        assertThat(alert(change(bob, TestSessions.PASSWORD, "short", "short").then().statusCode(400).extract().response()))
                .startsWith("Choose a password of at least 15 characters");
        assertThat(alert(change(bob, TestSessions.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!").then().statusCode(400)
                .extract().response())).isEqualTo("The two new passwords differ; type them again.");
        assertThat(alert(change(bob, TestSessions.PASSWORD, TestSessions.PASSWORD, TestSessions.PASSWORD).then()
                .statusCode(400).extract().response())).isEqualTo("That is the password you have now; choose a new one.");
        assertThat(logsIn(bob.username(), TestSessions.PASSWORD)).isTrue();
    }

    /** A session left open on a shared computer must not become a way to guess the password. */
    @Test
    void wrongCurrentPasswordsCountTowardsTheLoginLock() {
        TestSessions.Session carol = TestSessions.reader();
        for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS; i++) {
            assertThat(alert(change(carol, "not my password at all " + i, NEW_PASSWORD, NEW_PASSWORD).then()
                    .statusCode(400).extract().response())).isEqualTo("That is not your current password.");
        }
        // Locked now: even the right current password is refused, and so is logging in.
        assertThat(alert(change(carol, TestSessions.PASSWORD, NEW_PASSWORD, NEW_PASSWORD).then().statusCode(429)
                .extract().response())).isEqualTo("Too many wrong passwords; try again in a few minutes.");
        assertThat(logsIn(carol.username(), TestSessions.PASSWORD)).isFalse();
    }

    @Test
    void visitorsAreSentToLogInAndAFormWithoutTheCsrfTokenIsRefused() {
        Response visitor = given().redirects().follow(false).get("/me/password");
        assertThat(visitor.statusCode()).isIn(302, 303);
        assertThat(visitor.header("Location")).endsWith("/login");
        TestSessions.Session dave = TestSessions.reader();
        given().filter(dave.cookies()).formParam("current", TestSessions.PASSWORD).formParam("password", NEW_PASSWORD)
                .formParam("password-again", NEW_PASSWORD).when().post("/me/password").then().statusCode(403);
        assertThat(logsIn(dave.username(), TestSessions.PASSWORD)).isTrue();
    }
}
