package org.parallax.app.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A 400 with the API's JSON error body and a one-line message saying what was wrong. */
final class BadRequest extends WebApplicationException {

    BadRequest(String message) {
        super(message, Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "error", message)).build());
    }
}
