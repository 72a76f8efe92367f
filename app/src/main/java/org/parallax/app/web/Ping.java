package org.parallax.app.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest page the application serves: same HTTP stack, filters and headers as every page, no database
 * and no template. For uptime checks that should not touch PostgreSQL, and as the yardstick the reader page
 * benchmark (bench/reader) measures the pages against.
 */
@Path("/ping")
public class Ping {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "ok";
    }
}
