package org.parallax.app.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.parallax.core.user.Accounts;

/**
 * Logged-in sessions for API tests, made the way a browser makes them: log in through the form, keep
 * the cookies, and send the CSRF token (read from a page) in the {@code X-CSRF-TOKEN} header.
 */
public final class TestSessions {

    public static final String PASSWORD = "plum orchard lantern seventy";

    private TestSessions() {
    }

    /** A session: its cookies and CSRF token, for requests built with {@link #request()}. */
    public record Session(String username, CookieFilter cookies, String csrfToken) {
        public RequestSpecification request() {
            return given().filter(cookies).header("X-CSRF-TOKEN", csrfToken);
        }
    }

    public static Session editor() {
        String name = "ed" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            Arc.container().instance(Accounts.class).get().createOrPromoteAdmin(name, PASSWORD);
        } catch (Accounts.Rejected e) {
            throw new AssertionError(e.getMessage());
        }
        return logIn(name);
    }

    public static Session reader() {
        String name = "rd" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            Arc.container().instance(Accounts.class).get().register(name, PASSWORD);
        } catch (Accounts.Rejected e) {
            throw new AssertionError(e.getMessage());
        }
        return logIn(name);
    }

    public static Session logIn(String username) {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", PASSWORD)
                .when().post("/j_security_check").then().statusCode(302);
        String html = given().filter(cookies).when().get("/login").then().statusCode(200).extract().asString();
        String marker = "name=\"csrf-token\" value=\"";
        int start = html.indexOf(marker) + marker.length();
        return new Session(username, cookies, html.substring(start, html.indexOf('"', start)));
    }
}
