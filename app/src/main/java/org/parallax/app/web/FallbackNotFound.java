package org.parallax.app.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.Location;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Paths that no resource or static file claims reach Vert.x's last route; give them the same friendly
 * 404 page as a missing article instead of the bare default.
 */
@ApplicationScoped
public class FallbackNotFound {

    @Location("ErrorPages/notFound")
    Template notFound;

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            String path = ctx.request().path();
            String message = "There is nothing at " + path + ".";
            if (path.startsWith("/api/") || path.startsWith("/q/")) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end("{\"status\":404,\"error\":\"Not found\"}");
                return;
            }
            notFound.data("message", message).renderAsync().whenComplete((html, failure) -> {
                if (failure != null) {
                    ctx.fail(failure);
                } else {
                    ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=utf-8").end(html);
                }
            });
        });
    }
}
