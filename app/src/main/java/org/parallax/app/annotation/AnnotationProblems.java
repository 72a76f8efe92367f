package org.parallax.app.annotation;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parallax.core.annotation.AnnotationProblem;

/**
 * HTTP answers for refused annotation requests. The API gets JSON; pages get the page the resource chose
 * (see {@link MyAnnotationsPage}), so only API paths reach these mappers with a JSON body.
 */
public class AnnotationProblems {

    @ServerExceptionMapper
    public Response notFound(AnnotationProblem.NotFound e, HttpServerRequest request) {
        return json(404, e.getMessage() + ".");
    }

    @ServerExceptionMapper
    public Response notYours(AnnotationProblem.NotYours e) {
        return json(403, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(AnnotationProblem.Invalid e) {
        return json(422, e.getMessage());
    }

    @ServerExceptionMapper
    public Response gone(AnnotationProblem.Gone e) {
        return json(410, e.getMessage());
    }

    /** 409 with the stored version, so the client can show both and let the user choose. */
    @ServerExceptionMapper
    public Response conflict(AnnotationProblem.Conflict e, HttpServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 409);
        body.put("error", e.getMessage());
        body.put("current", WebAnnotations.toJson(AnnotationApi.base(request), e.current(), true));
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", AnnotationApi.etag(e.current().version()))
                .entity(WebAnnotations.write(body)).build();
    }

    static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(WebAnnotations.write(Map.of("status", status, "error", message))).build();
    }
}
