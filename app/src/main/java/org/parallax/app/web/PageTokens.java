package org.parallax.app.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token for pages rendered where quarkus-rest-csrf has not set it: error pages for requests that
 * security refused before the extension's filter ran (403 on a page, a refused form). Every page's layout
 * has forms (log out) that need {@code {inject:csrf.token}}, which otherwise fails and turns the error
 * page into a 500. The token is the value of the CSRF cookie, so the page offers the token the browser
 * already holds; without the cookie the forms get an empty one and are refused again until a page reload.
 */
@ApplicationScoped
public class PageTokens {

    /** Where quarkus-rest-csrf keeps the request's token for {@code {inject:csrf.token}}. */
    static final String ATTRIBUTE = "csrf_token";

    private final String cookieName;

    public PageTokens(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName) {
        this.cookieName = cookieName;
    }

    public void ensure(RoutingContext routing) {
        if (routing != null && routing.get(ATTRIBUTE) == null) {
            Cookie cookie = routing.request().getCookie(cookieName);
            routing.put(ATTRIBUTE, cookie == null ? "" : cookie.getValue());
        }
    }
}
