package org.parallax.app.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parallax.app.story.MissingStories;
import org.parallax.app.web.QueryNumbers;
import org.parallax.core.story.StoryService;
import org.parallax.core.user.Accounts;

@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Coverage of one event by several outlets, and how their texts align")
public class StoryResource {

    static final int MAX_PAGE_SIZE = 100;

    private final ApiReader reader;
    private final StoryService editor;
    private final SecurityIdentity identity;
    private final MissingStories missingStories;

    public StoryResource(ApiReader reader, StoryService editor, SecurityIdentity identity, MissingStories missingStories) {
        this.missingStories = missingStories;
        this.reader = reader;
        this.editor = editor;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Stories, most recently published first")
    @APIResponse(responseCode = "200", description = "A page of stories")
    @APIResponse(responseCode = "400", description = "page or size out of range")
    public ApiDtos.StoryPage list(
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String pageParam,
            @Parameter(description = "Stories per page, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("size") String sizeParam) {
        int page = QueryNumbers.parseInt("page", pageParam, 0);
        int size = QueryNumbers.parseInt("size", sizeParam, 20);
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
    @APIResponse(responseCode = "301", description = "The story was merged into the one at Location")
    @APIResponse(responseCode = "410", description = "Editors removed the story's articles; the error says who, when and why")
    public ApiDtos.StoryDetail story(@PathParam("id") long id) {
        return reader.story(id).orElseThrow(() -> missingStories.of(id, "/api/stories/"));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Editors: merge another story into this one",
            description = "The other story's articles move here and the two are aligned together. The articles are "
                    + "pinned: later automatic assignment never takes the merged story apart. Needs the CSRF token "
                    + "in the X-CSRF-TOKEN header.")
    @APIResponse(responseCode = "200", description = "The merged story")
    @APIResponse(responseCode = "400", description = "No story given, or a story merged into itself")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an editor, or no CSRF token")
    @APIResponse(responseCode = "404", description = "No such story (either one)")
    public ApiDtos.StoryDetail merge(@PathParam("id") long id, ApiDtos.MergeRequest request) {
        if (request == null || request.story() == null) {
            throw new BadRequest("give the story to merge in as {\"story\": id}");
        }
        editor.merge(id, request.story(), identity.getPrincipal().getName());
        return story(id);
    }

    @POST
    @Path("/{id}/split")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Editors: move some articles of this story into a new story",
            description = "Each part is pinned: later automatic assignment never merges them again, nor splits "
                    + "either. The two are listed as related. Needs the CSRF token in the X-CSRF-TOKEN header.")
    @APIResponse(responseCode = "201", description = "The new story, holding the articles moved")
    @APIResponse(responseCode = "400", description = "No articles, an article not in this story, or every article")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an editor, or no CSRF token")
    @APIResponse(responseCode = "404", description = "No such story")
    public Response split(@PathParam("id") long id, ApiDtos.SplitRequest request) {
        if (request == null || request.articles() == null || request.articles().isEmpty()
                || request.articles().contains(null)) {
            throw new BadRequest("give the articles to split off as {\"articles\": [id, ...]}");
        }
        long created = editor.split(id, request.articles(), identity.getPrincipal().getName()).id;
        return Response.created(URI.create("/api/stories/" + created)).entity(story(created)).build();
    }


    @GET
    @Path("/{id}/alignment")
    @Operation(summary = "The story's stored alignment: passage links with word diffs, unique passages, quote groups")
    @APIResponse(responseCode = "404", description = "No such story")
    public ApiDtos.Alignment alignment(@PathParam("id") long id) {
        return reader.alignment(id).orElseThrow(() -> missingStories.of(id, "/api/stories/"));
    }
}
