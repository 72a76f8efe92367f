package org.parallax.app.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parallax.core.user.AppUser;

@QuarkusTest
class AccountsTests {

    static final String PASSWORD = "plum orchard lantern seventy";

    static String newUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A browser-like session: cookies kept, the CSRF token read from the form as a browser would. */
    static String csrfToken(CookieFilter cookies, String page) {
        String html = given().filter(cookies).when().get(page).then().statusCode(200).extract().asString();
        int at = html.indexOf("name=\"csrf-token\" value=\"");
        assertThat(at).as("a CSRF token in the form on " + page).isPositive();
        int start = at + "name=\"csrf-token\" value=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }

    static void register(CookieFilter cookies, String username, String password) {
        String token = csrfToken(cookies, "/register");
        given().filter(cookies).redirects().follow(false)
                .formParam("csrf-token", token).formParam("username", username)
                .formParam("password", password).formParam("password-again", password)
                .when().post("/register").then().statusCode(303);
    }

    static Response login(CookieFilter cookies, String username, String password) {
        return given().filter(cookies).redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    @Test
    void registerLogInSeeYourNameAndLogOut() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);

        Response login = login(cookies, name, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error");
        assertThat(login.getDetailedCookie("parallax-session").isHttpOnly()).isTrue();
        assertThat(login.getDetailedCookie("parallax-session").getSameSite()).isEqualToIgnoringCase("strict");

        given().filter(cookies).when().get("/").then().statusCode(200)
                .body(containsString("<span class=\"account__name\">" + name + "</span>"));

        String token = csrfToken(cookies, "/");
        given().filter(cookies).redirects().follow(false).formParam("csrf-token", token)
                .when().post("/logout").then().statusCode(303);
        given().filter(cookies).when().get("/").then().statusCode(200)
                .body(containsString("href=\"/login\""));
    }

    /** "Create account" used to land on a bare login form, with nothing saying the account now exists. */
    @Test
    void registeringSaysTheAccountIsReadyOnTheLoginPage() {
        CookieFilter cookies = new CookieFilter();
        String token = csrfToken(cookies, "/register");
        String location = given().filter(cookies).redirects().follow(false)
                .formParam("csrf-token", token).formParam("username", newUsername())
                .formParam("password", PASSWORD).formParam("password-again", PASSWORD)
                .when().post("/register").then().statusCode(303).extract().header("Location");
        java.net.URI landing = java.net.URI.create(location);
        assertThat(landing.getRawPath() + "?" + landing.getRawQuery()).isEqualTo("/login?registered");
        given().filter(cookies).urlEncodingEnabled(false).when().get("/login?registered").then().statusCode(200)
                .body(containsString("role=\"status\">Your account is ready; log in."));
        given().when().get("/login").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Your account is ready")));
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        // bcrypt reads 72 bytes; a password that agrees on those and differs after them once logged in.
        String password = "river lantern orchard plum seventy quiet meadow copper violin harbour ember glass sunrise";
        String sameStart = password.substring(0, 72) + " but ends otherwise";
        String name = newUsername();
        register(new CookieFilter(), name, password);
        assertThat(login(new CookieFilter(), name, sameStart).header("Location")).endsWith("/login?error");
        assertThat(login(new CookieFilter(), name, password).header("Location")).doesNotContain("error");
    }

    @Test
    void aHashFromBeforeTheDigestSchemeStillLogsInAndIsReplaced() {
        String name = newUsername();
        String legacyHash = BcryptUtil.bcryptHash(PASSWORD, 4);
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser user = new AppUser();
            user.username = name;
            user.passwordHash = legacyHash;
            user.passwordPrehashed = false;
            user.roles = "reader";
            user.createdAt = Instant.now();
            user.persist();
        });
        assertThat(login(new CookieFilter(), name, PASSWORD).header("Location")).doesNotContain("error");
        AppUser upgraded = QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(name).orElseThrow());
        assertThat(upgraded.passwordPrehashed).isTrue();
        assertThat(upgraded.passwordHash).isNotEqualTo(legacyHash);
        assertThat(login(new CookieFilter(), name, PASSWORD).header("Location")).doesNotContain("error");
        assertThat(login(new CookieFilter(), name, "not the password at all").header("Location")).endsWith("/login?error");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameGenericAnswer() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        String wrongPassword = login(new CookieFilter(), name, "not the password at all").header("Location");
        String unknownUser = login(new CookieFilter(), newUsername(), PASSWORD).header("Location");
        assertThat(wrongPassword).endsWith("/login?error");
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void aFailedLoginSaysSoOnThePageItLandsOn() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        java.net.URI location = java.net.URI.create(login(cookies, name, "not the password at all").header("Location"));
        String landing = location.getRawPath() + "?" + location.getRawQuery();
        assertThat(landing).isEqualTo("/login?error");
        given().filter(cookies).urlEncodingEnabled(false).when().get(landing).then().statusCode(200)
                .body(containsString("role=\"alert\">That username and password did not match"));
        given().when().get("/login").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("role=\"alert\"")));
    }

    /** A failed login used to bring back an empty form: the username had to be typed again with the password. */
    @Test
    void aFailedLoginKeepsTheTypedUsernameOnceAndNeverThePassword() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        String wrongPassword = "not the password at all";
        Response failed = login(cookies, name, wrongPassword);
        assertThat(failed.header("Location")).endsWith("/login?error");
        io.restassured.http.Cookie carried = failed.getDetailedCookie("parallax-login-name");
        assertThat(carried.getPath()).isEqualTo("/login");
        assertThat(carried.isHttpOnly()).isTrue();
        assertThat(carried.getSameSite()).isEqualToIgnoringCase("strict");
        assertThat(carried.getMaxAge()).isBetween(1L, 600L);
        assertThat(carried.getValue()).doesNotContain("password");

        given().filter(cookies).urlEncodingEnabled(false).when().get("/login?error").then().statusCode(200)
                .body(containsString("role=\"alert\">That username and password did not match"))
                .body(containsString("name=\"j_username\" type=\"text\" autocomplete=\"username\" required value=\"" + name + "\""))
                .body(org.hamcrest.Matchers.not(containsString(wrongPassword)));
        // Shown once, then gone: the next visit starts with an empty form.
        given().filter(cookies).urlEncodingEnabled(false).when().get("/login?error").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("value=\"" + name + "\"")));

        // An unknown name is carried back just the same: the form does not tell which accounts exist.
        CookieFilter stranger = new CookieFilter();
        String unknown = newUsername();
        assertThat(login(stranger, unknown, PASSWORD).getDetailedCookie("parallax-login-name")).isNotNull();
        given().filter(stranger).urlEncodingEnabled(false).when().get("/login?error").then().statusCode(200)
                .body(containsString("value=\"" + unknown + "\""));

        Response succeeded = login(new CookieFilter(), name, PASSWORD);
        assertThat(succeeded.header("Location")).doesNotContain("error");
        assertThat(succeeded.getDetailedCookie("parallax-login-name")).isNull();
    }

    /** The typed name comes back as text, whatever was typed. */
    @Test
    void aTypedNameIsEscapedWhenItComesBack() {
        CookieFilter cookies = new CookieFilter();
        login(cookies, "\"><script>alert(1)</script>", PASSWORD);
        given().filter(cookies).urlEncodingEnabled(false).when().get("/login?error").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("<script>alert(1)")))
                .body(containsString("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    }

    @Test
    void usernameIsCaseInsensitive() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        assertThat(login(new CookieFilter(), name.toUpperCase(), PASSWORD).header("Location")).doesNotContain("error");
    }

    @Test
    void repeatedGuessesLockTheAccountEvenForTheRightPassword() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(login(new CookieFilter(), name, "wrong guess number " + i).header("Location")).contains("error");
        }
        assertThat(login(new CookieFilter(), name, PASSWORD).header("Location")).contains("error");
    }

    /** People behind one address (an office, a campus) who log in correctly must not lock each other out. */
    @Test
    void successfulLoginsFromOneAddressNeverLockIt() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        for (int i = 0; i < org.parallax.core.user.LoginThrottle.ADDRESS_ATTEMPTS + 5; i++) {
            assertThat(login(new CookieFilter(), name, PASSWORD).header("Location")).as("login %d", i)
                    .doesNotContain("error");
        }
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        CookieFilter cookies = new CookieFilter();
        String token = csrfToken(cookies, "/register");
        for (String weak : new String[] {"short", "passwordpassword", "aaaaaaaaaaaaaaaaaaaa"}) {
            given().filter(cookies).formParam("csrf-token", token).formParam("username", newUsername())
                    .formParam("password", weak).formParam("password-again", weak)
                    .when().post("/register").then().statusCode(400)
                    .body(containsString("class=\"notice\" role=\"alert\""));
        }
        String name = newUsername();
        String containsName = "my name is " + name + " ok";
        given().filter(cookies).formParam("csrf-token", token).formParam("username", name)
                .formParam("password", containsName).formParam("password-again", containsName)
                .when().post("/register").then().statusCode(400)
                .body(containsString("must not contain the username"));
    }

    /** A form sent with only a username was told "the two passwords differ", sending people after a typo. */
    @Test
    void missingPasswordsAreNamedAndTheUsernameIsKept() {
        CookieFilter cookies = new CookieFilter();
        String token = csrfToken(cookies, "/register");
        String name = newUsername();
        given().filter(cookies).formParam("csrf-token", token).formParam("username", name)
                .when().post("/register").then().statusCode(400)
                .body(containsString("role=\"alert\">Choose a password of at least 15 characters"))
                .body(org.hamcrest.Matchers.not(containsString("differ")))
                .body(containsString("value=\"" + name + "\""));
        given().filter(cookies).formParam("csrf-token", token).formParam("username", name)
                .formParam("password", PASSWORD)
                .when().post("/register").then().statusCode(400)
                .body(containsString("Type the password a second time"))
                .body(containsString("value=\"" + name + "\""));
        given().filter(cookies).formParam("csrf-token", token).formParam("username", name)
                .formParam("password", PASSWORD).formParam("password-again", PASSWORD + "!")
                .when().post("/register").then().statusCode(400)
                .body(containsString("The two passwords differ"));
        assertThat(login(new CookieFilter(), name, PASSWORD).header("Location")).endsWith("/login?error");
    }

    @Test
    void takenUsernameIsRefused() {
        CookieFilter cookies = new CookieFilter();
        String name = newUsername();
        register(cookies, name, PASSWORD);
        String token = csrfToken(cookies, "/register");
        given().filter(cookies).formParam("csrf-token", token).formParam("username", name.toUpperCase())
                .formParam("password", PASSWORD).formParam("password-again", PASSWORD)
                .when().post("/register").then().statusCode(400).body(containsString("taken"));
    }

    @Test
    void formPostWithoutCsrfTokenIsRejectedAndChangesNothing() {
        String name = newUsername();
        // No token cookie at all (a cross-site form), and a cookie without the matching form field.
        given().formParam("username", name).formParam("password", PASSWORD).formParam("password-again", PASSWORD)
                .when().post("/register").then().statusCode(403);
        CookieFilter cookies = new CookieFilter();
        csrfToken(cookies, "/register");
        given().filter(cookies).formParam("username", name).formParam("password", PASSWORD)
                .formParam("password-again", PASSWORD)
                .when().post("/register").then().statusCode(403);
        assertThat(login(new CookieFilter(), name, PASSWORD).header("Location")).contains("error");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff");
    }
}
