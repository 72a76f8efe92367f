package org.parallax.app.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parallax.app.annotation.Viewer;
import org.parallax.app.article.MissingArticles;
import org.parallax.core.article.ArticleCorrections;
import org.parallax.core.article.ArticleRemovals;
import org.parallax.core.user.Accounts;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Normalised articles")
public class ArticleResource {

    private final ApiReader reader;
    private final ArticleCorrections corrections;
    private final ArticleRemovals removals;
    private final Viewer viewer;
    private final MissingArticles missing;

    public ArticleResource(ApiReader reader, ArticleCorrections corrections, ArticleRemovals removals, Viewer viewer,
                           MissingArticles missing) {
        this.removals = removals;
        this.missing = missing;
        this.reader = reader;
        this.corrections = corrections;
        this.viewer = viewer;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An article's normalised text with its paragraphs and their offsets")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "410", description = "An editor removed the article; the message says when and why")
    public ApiDtos.Article article(@PathParam("id") long id) {
        return reader.article(id).orElseThrow(() -> missing(id));
    }

    @GET
    @Path("/{id}/corrections")
    @Operation(summary = "Every correction editors made to the article's details, newest first")
    @APIResponse(responseCode = "404", description = "No such article")
    public List<ApiDtos.Correction> corrections(@PathParam("id") long id) {
        corrections.current(id).orElseThrow(() -> missing(id));
        return corrections.history(id).stream().map(ArticleResource::correction).toList();
    }

    @PUT
    @Path("/{id}/details")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Editors: correct the details extraction got wrong",
            description = "Headline, dek, byline, outlet, publication date and language are replaced by the request's "
                    + "(a missing field means none; the text itself is the source's and stays). Each changed field is "
                    + "recorded with its editor and the value it replaced, and later revisions of the article keep it. "
                    + "Needs the CSRF token in the X-CSRF-TOKEN header.")
    @APIResponse(responseCode = "200", description = "The changes made (none when nothing differed) and the article")
    @APIResponse(responseCode = "400", description = "A value breaks a rule (no headline, a date in the future, ...)")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an editor, or no CSRF token")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "The article changed after the 'version' sent; nothing was saved")
    public ApiDtos.Corrected correct(@PathParam("id") long id, ApiDtos.DetailsRequest request) {
        if (request == null) {
            throw new BadRequest("send the details as JSON: {\"headline\": ..., \"outlet\": ..., \"publishedAt\": ...}");
        }
        List<ArticleCorrections.Change> changes;
        try {
            changes = corrections.correct(id, viewer.id(), new ArticleCorrections.Details(request.headline(),
                    request.dek(), request.byline(), request.outlet(), request.publishedAt(), request.language()),
                    request.version());
        } catch (ArticleCorrections.Rejected e) {
            throw new BadRequest(e.getMessage());
        } catch (ArticleCorrections.Stale e) {
            throw new WebApplicationException(e.getMessage(), Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("status", 409, "error",
                            "The article changed after the version you sent; read it again and send its updatedAt."))
                    .build());
        } catch (NoSuchElementException e) {
            throw missing(id);
        }
        return new ApiDtos.Corrected(changes.stream().map(ArticleResource::correction).toList(), article(id));
    }

    @POST
    @Path("/{id}/removal")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Editors: remove what is not an article at all",
            description = "The article goes with its paragraphs, quotes and alignment; its story is recounted and "
                    + "realigned. Ingesting the same text or address again skips it; the original as received is kept. "
                    + "Refused (400) while readers' annotations are on it. Needs the CSRF token in the X-CSRF-TOKEN header.")
    @APIResponse(responseCode = "200", description = "What was removed")
    @APIResponse(responseCode = "400", description = "No reason given, or the article is annotated")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an editor, or no CSRF token")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "410", description = "Already removed")
    public ApiDtos.Removal remove(@PathParam("id") long id, ApiDtos.RemovalRequest request) {
        try {
            ArticleRemovals.Removed removed = removals.remove(id, viewer.id(), request == null ? null : request.reason());
            return new ApiDtos.Removal(removed.articleId(), removed.headline(), removed.storyId());
        } catch (ArticleRemovals.Refused e) {
            throw new BadRequest(e.getMessage());
        } catch (NoSuchElementException e) {
            throw missing(id);
        }
    }

    private static ApiDtos.Correction correction(ArticleCorrections.Change c) {
        return new ApiDtos.Correction(c.field(), c.before(), c.after(), c.editor(), c.at());
    }

    private RuntimeException missing(long id) {
        return missing.of(id);
    }
}
