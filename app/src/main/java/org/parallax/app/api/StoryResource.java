package org.parallax.app.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import org.parallax.app.web.MissingResource;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Coverage of one event by several outlets, and how their texts align")
public class StoryResource {

    static final int MAX_PAGE_SIZE = 100;

    private final ApiReader reader;

    public StoryResource(ApiReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "Stories, most recently published first")
    @APIResponse(responseCode = "200", description = "A page of stories")
    @APIResponse(responseCode = "400", description = "page or size out of range")
    public ApiDtos.StoryPage list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Stories per page, 1 to 100") @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0) {
            throw new BadRequest("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequest("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        return reader.stories(page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story with its articles and related stories")
    @APIResponse(responseCode = "404", description = "No such story")
    public ApiDtos.StoryDetail story(@PathParam("id") long id) {
        return reader.story(id).orElseThrow(() -> new MissingResource("No story " + id));
    }

    @GET
    @Path("/{id}/alignment")
    @Operation(summary = "The story's stored alignment: passage links with word diffs, unique passages, quote groups")
    @APIResponse(responseCode = "404", description = "No such story")
    public ApiDtos.Alignment alignment(@PathParam("id") long id) {
        return reader.alignment(id).orElseThrow(() -> new MissingResource("No story " + id));
    }
}
