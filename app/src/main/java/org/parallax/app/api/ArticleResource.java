package org.parallax.app.api;

import jakarta.ws.rs.GET;
import org.parallax.app.web.MissingResource;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Normalised articles")
public class ArticleResource {

    private final ApiReader reader;

    public ArticleResource(ApiReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An article's normalised text with its paragraphs and their offsets")
    @APIResponse(responseCode = "404", description = "No such article")
    public ApiDtos.Article article(@PathParam("id") long id) {
        return reader.article(id).orElseThrow(() -> new MissingResource("No article " + id));
    }
}
