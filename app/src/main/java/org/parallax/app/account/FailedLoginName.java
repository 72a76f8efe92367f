package org.parallax.app.account;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the username a person typed across a failed login. Quarkus form authentication answers a failure
 * with a redirect to the fixed error page and can only carry query parameters of the URL it was posted to,
 * never the posted fields; putting the username in the URL would leave it in histories and access logs.
 * Instead, when the answer to {@code /j_security_check} is that redirect, the typed name goes into a cookie
 * that only the login page receives (path {@code /login}), HttpOnly, same-site only and short-lived; the
 * login page shows it once and clears it. It is set for every failure alike, so it says nothing about
 * whether the account exists, and it never holds the password.
 */
@ApplicationScoped
public class FailedLoginName {

    static final String COOKIE = "parallax-login-name";
    /** Long enough to read the message and retype a password; a shared computer does not keep it. */
    private static final long MAX_AGE_SECONDS = 120;
    /** Usernames are at most 32 characters; anything much longer is not worth carrying back. */
    private static final int MAX_LENGTH = 64;

    private final String errorPage;
    private final String usernameField;

    public FailedLoginName(
            @ConfigProperty(name = "quarkus.http.auth.form.error-page")
            String errorPage,
            @ConfigProperty(name = "quarkus.http.auth.form.username-parameter",
                    defaultValue = "j_username") String usernameField) {
        this.errorPage = errorPage;
        this.usernameField = usernameField;
    }

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.auth.form.post-location",
                         defaultValue = "/j_security_check") String postLocation) {
        // Ahead of the authentication handler, which answers this path itself and never calls further routes.
        router.post(postLocation).order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1).handler(this::watch);
    }

    private void watch(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = rc.response();
            String location = response.headers().get("Location");
            boolean failed = location != null && (location.equals(errorPage) || location.endsWith(errorPage));
            String typed = failed && rc.request().isExpectMultipart() ? rc.request().formAttributes().get(usernameField) : null;
            if (typed != null && !typed.isBlank() && typed.length() <= MAX_LENGTH) {
                response.addCookie(cookie(URLEncoder.encode(typed.strip(), StandardCharsets.UTF_8), MAX_AGE_SECONDS,
                        "https".equals(rc.request().scheme())));
            } else if (rc.request().getCookie(COOKIE) != null) {
                response.addCookie(cookie("", 0, "https".equals(rc.request().scheme())));
            }
        });
        rc.next();
    }

    static Cookie cookie(String value, long maxAge, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/login").setMaxAge(maxAge).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }

    /** The name carried by the cookie, or "" when there is none or it is not one we wrote. */
    static String read(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return "";
        }
        try {
            String name = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
            return name.length() <= MAX_LENGTH && name.codePoints().noneMatch(Character::isISOControl) ? name : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
