package org.parallax.app.ingest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** DESIGN.md and early notes name the editors' upload page {@code /admin/ingest}; it lives at {@code /ingest}. */
@Path("/admin/ingest")
public class AdminIngestRedirect {

    @GET
    public Response redirect() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/ingest")).build();
    }
}
