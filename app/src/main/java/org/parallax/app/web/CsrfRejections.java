package org.parallax.app.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A state-changing request refused by quarkus-rest-csrf is a 403 here, not the extension's bare 400: the
 * request was understood, it is just not allowed without the token. The extension aborts with an empty 400
 * and marks requests whose token it verified ({@code csrf_token_verified}); any other empty 400 on an unsafe
 * method is its refusal. 400s that our own resources return carry a body and are left alone.
 */
public class CsrfRejections {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final PageTokens tokens;

    public CsrfRejections(PageTokens tokens) {
        this.tokens = tokens;
    }
    static final String MESSAGE = "This request is missing its security token (CSRF). Reload the page and try again.";

    @ServerResponseFilter
    public void toForbidden(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (response.getStatus() != 400 || response.hasEntity() || SAFE.contains(request.getMethod())
                || routing.get("csrf_token_verified") != null) {
            return;
        }
        response.setStatus(403);
        if (routing.request().path().startsWith("/api/") || !acceptsHtml(request)) {
            response.setEntity(Map.of("status", 403, "error", MESSAGE), null, MediaType.APPLICATION_JSON_TYPE);
        } else {
            tokens.ensure(routing);
            response.setEntity(ErrorPages.Templates.serverError(MESSAGE, "csrf").render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        }
    }

    private static boolean acceptsHtml(ContainerRequestContext request) {
        String accept = request.getHeaderString("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }
}
