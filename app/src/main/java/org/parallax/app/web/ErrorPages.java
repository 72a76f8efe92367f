package org.parallax.app.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parallax.core.search.SearchAdmission;
import org.parallax.core.story.StoryService;

/** Friendly error pages for people, small JSON errors for API clients. One mapper per exception type. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final PageTokens tokens;
    private final CurrentVertxRequest current;

    public ErrorPages(PageTokens tokens, CurrentVertxRequest current) {
        this.tokens = tokens;
        this.current = current;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound(String message);

        static native TemplateInstance serverError(String message, String reference);

        static native TemplateInstance badRequest(String message);

        static native TemplateInstance gone(String message);
    }

    /** Our own 400s carry a message meant for the reader; the page says what to do instead. */
    @ServerExceptionMapper
    public Response invalid(InvalidRequest e, HttpServerRequest request) {
        String message = e.getMessage();
        return respond(request, Response.Status.BAD_REQUEST, message, () -> Templates.badRequest(message));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        // Only our own messages are shown; the framework's ("Unable to find matching target resource method")
        // mean nothing to a reader.
        String message = e instanceof MissingResource
                ? e.getMessage() + "."
                : "There is nothing at " + request.path() + ".";
        return respond(request, Response.Status.NOT_FOUND, message, () -> Templates.notFound(message));
    }

    @ServerExceptionMapper
    public Response gone(RemovedResource e, HttpServerRequest request) {
        String message = e.getMessage();
        return respond(request, Response.Status.GONE, message, () -> Templates.gone(message));
    }

    /** An editor's merge or split named a story that does not exist: the API and the story page alike. */
    @ServerExceptionMapper
    public Response unknownStory(StoryService.UnknownStory e, HttpServerRequest request) {
        return notFound(new MissingResource(e.getMessage()), request);
    }

    /** An editor's merge or split the rules refuse (a story into itself, every article split off, ...). */
    @ServerExceptionMapper
    public Response storyEditRejected(StoryService.StoryEditRejected e, HttpServerRequest request) {
        return invalid(new InvalidRequest(e.getMessage()), request);
    }

    /** Not logged in: API clients get 401; people are sent to the login page. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        if (request.path().startsWith("/api/")) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", 401, "error", "Log in first.")).build();
        }
        return Response.seeOther(java.net.URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String message = "Your account may not do that.";
        return respond(request, Response.Status.FORBIDDEN, message, () -> Templates.serverError(message, "forbidden"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // Other JAX-RS errors (405, 415, 400 from parameter conversion) keep their status and their response.
        return e.getResponse();
    }

    /** More searches were waiting than could run in time: busy, not broken. */
    @ServerExceptionMapper
    public Response searchBusy(SearchAdmission.Busy e, HttpServerRequest request) {
        String message = "Search is busy right now. Please try again in a moment.";
        return Response.fromResponse(respond(request, Response.Status.SERVICE_UNAVAILABLE, message,
                () -> Templates.serverError(message, "search-busy"))).header("Retry-After", "2").build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        if (isDatabaseOutage(e)) {
            String message = "The database is not reachable right now. Please try again in a few seconds.";
            LOG.warnf("Database unavailable while serving %s: %s", request.path(), e.getMessage());
            return respond(request, Response.Status.SERVICE_UNAVAILABLE, message,
                    () -> Templates.serverError(message, "database-unavailable"));
        }
        if (isUnstorableText(e)) {
            String message = "The request holds characters that cannot be stored or searched, such as a NUL byte. "
                    + "Remove them and try again.";
            return respond(request, Response.Status.BAD_REQUEST, message, () -> Templates.badRequest(message));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s while serving %s", reference, request.path());
        String message = "Parallax hit an unexpected error and has logged it.";
        return respond(request, Response.Status.INTERNAL_SERVER_ERROR, message,
                () -> Templates.serverError(message, reference));
    }

    static boolean isDatabaseOutage(Throwable e) {
        return anyCause(e, t -> t instanceof java.sql.SQLTransientConnectionException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLException sql && isOutageState(sql.getSQLState())
                // Agroal's pool exhaustion is a plain SQLException without SQLState: busy, not broken, so 503 too.
                || t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("acquisition timeout"));
    }

    /**
     * Text PostgreSQL cannot hold reached a statement: a NUL byte (22021) or a character the database
     * encoding lacks (22P05). The request's fault, so a 400; input fields strip such characters first, this
     * is the net under the paths that do not.
     */
    static boolean isUnstorableText(Throwable e) {
        return anyCause(e, t -> t instanceof SQLException sql
                && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState())));
    }

    private static boolean anyCause(Throwable e, java.util.function.Predicate<Throwable> test) {
        return anyCause(e, test, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * Walks causes and suppressed exceptions: a connection killed during commit surfaces as a
     * RollbackException whose XAException (with the PostgreSQL error) is only a suppressed exception.
     */
    private static boolean anyCause(Throwable t, java.util.function.Predicate<Throwable> test, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t) || seen.size() > 64) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (anyCause(suppressed, test, seen)) {
                return true;
            }
        }
        return anyCause(t.getCause(), test, seen);
    }

    /**
     * Connection exceptions (class 08) and the server going away or not yet back (57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now): what a PostgreSQL restart looks like to requests in
     * flight and to the first ones after it.
     */
    private static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    private Response respond(HttpServerRequest request, Response.Status status, String message,
                             java.util.function.Supplier<TemplateInstance> page) {
        if (request.path().startsWith("/api/") || acceptsJsonOnly(request)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", status.getStatusCode(), "error", message)).build();
        }
        tokens.ensure(current.getCurrent());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page.get().render()).build();
    }

    private static boolean acceptsJsonOnly(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
