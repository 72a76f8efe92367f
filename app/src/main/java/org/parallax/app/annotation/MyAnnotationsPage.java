package org.parallax.app.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.parallax.core.annotation.AnnotationData;
import org.parallax.core.annotation.AnnotationProblem;
import org.parallax.core.annotation.AnnotationService;
import org.parallax.core.search.SearchQuery;
import org.parallax.core.search.SearchQueryParser;

/**
 * {@code /me/annotations}: all of a user's annotations with search (notes and tags), tag and story filters, a
 * tag cloud, orphans apart, recently deleted ones to restore; plain forms to edit, delete, restore, reply,
 * export and import. An edit based on an old version gets a 409 page that shows both versions.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyAnnotationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String query, String tag, Long story, List<String> notes,
                                             List<AnnotationView> anchored,
                                             List<AnnotationView> orphaned, List<AnnotationView> deleted,
                                             List<TagWeight> tags, Map<Long, String> stories, String message);

        static native TemplateInstance conflict(AnnotationView current, String yourNote, String yourTags,
                                                String yourVisibility);

        static native TemplateInstance refused(AnnotationView current, String reason, int version, String yourNote,
                                               String yourTags, String yourVisibility);

        static native TemplateInstance imported(AnnotationTransfer.ImportReport report);
    }

    /** A tag in the cloud: its count and a size step from 1 to 5. */
    public record TagWeight(String tag, int count, int step) {
    }

    private final AnnotationService annotations;
    private final AnnotationTransfer transfer;
    private final Viewer viewer;

    public MyAnnotationsPage(AnnotationService annotations, AnnotationTransfer transfer, Viewer viewer) {
        this.annotations = annotations;
        this.transfer = transfer;
        this.viewer = viewer;
    }

    @GET
    @Path("me/annotations")
    public TemplateInstance index(@QueryParam("q") String q, @QueryParam("tag") String tag,
                                  @QueryParam("story") Long story, @QueryParam("message") String message) {
        long me = viewer.id();
        String name = viewer.name();
        // The search box's syntax: a link from a search narrowed by outlet: or dates lists the same selection.
        SearchQuery query = SearchQueryParser.parse(q);
        List<AnnotationData> found = annotations.mine(me, new AnnotationService.Filter(
                query.hasText() ? query.text() : null, tag, story != null ? story : query.storyId(), false,
                query.outlet(), query.from(), query.to()));
        List<AnnotationView> anchored = found.stream().filter(a -> !a.isOrphaned())
                .map(a -> AnnotationView.of(a, name, List.of())).toList();
        List<AnnotationView> orphaned = found.stream().filter(AnnotationData::isOrphaned)
                .map(a -> AnnotationView.of(a, name, List.of())).toList();
        List<AnnotationView> deleted = annotations.mine(me, new AnnotationService.Filter(null, null, null, true))
                .stream().map(a -> AnnotationView.of(a, name, List.of())).toList();
        return Templates.index(q == null ? "" : q, tag == null ? "" : tag, story, query.notes(), anchored, orphaned,
                deleted, cloud(annotations.tagCounts(me)), annotations.annotatedStories(me), knownMessage(message));
    }

    @POST
    @Path("me/annotations/{id}/edit")
    public Response edit(@PathParam("id") long id, @RestForm int version, @RestForm String note,
                         @RestForm String tags, @RestForm String visibility) {
        long me = viewer.id();
        try {
            annotations.update(me, id, new AnnotationService.Edit(version, note, splitTags(tags), visibility));
        } catch (AnnotationProblem.Conflict e) {
            return Response.status(409).entity(Templates.conflict(AnnotationView.of(e.current(), viewer.name(), List.of()),
                    note == null ? "" : note, tags == null ? "" : tags, visibility)).build();
        } catch (AnnotationProblem.Invalid e) {
            // Redirecting would lose what was typed; the page says which rule the edit broke and keeps it.
            AnnotationData current = annotations.find(me, id).orElse(null);
            if (current == null) {
                return back("missing", id);
            }
            return Response.status(400).entity(Templates.refused(AnnotationView.of(current, viewer.name(), List.of()),
                    e.getMessage(), version, note == null ? "" : note, tags == null ? "" : tags, visibility)).build();
        } catch (AnnotationProblem.NotFound | AnnotationProblem.NotYours e) {
            return back("missing", id);
        }
        return back("saved", id);
    }

    @POST
    @Path("me/annotations/{id}/delete")
    public Response delete(@PathParam("id") long id) {
        try {
            annotations.delete(viewer.id(), id, null);
        } catch (AnnotationProblem.NotFound | AnnotationProblem.NotYours e) {
            return back("missing", id);
        }
        return back("deleted", id);
    }

    @POST
    @Path("me/annotations/{id}/restore")
    public Response restore(@PathParam("id") long id) {
        try {
            annotations.restore(viewer.id(), id);
        } catch (AnnotationProblem.Gone e) {
            return back("expired", id);
        } catch (AnnotationProblem.NotFound | AnnotationProblem.NotYours e) {
            return back("missing", id);
        }
        return back("restored", id);
    }

    /** A reply from the reader page's form; back to the article, at the thread. */
    @POST
    @Path("annotations/{id}/replies")
    public Response reply(@PathParam("id") long id, @RestForm String note) {
        long me = viewer.id();
        AnnotationData reply;
        try {
            reply = annotations.reply(me, id, note);
        } catch (AnnotationProblem.NotFound e) {
            throw new jakarta.ws.rs.NotFoundException();
        } catch (AnnotationProblem.Invalid e) {
            // Back to the article the reply was written on, where the form is, with the reason at its thread.
            long articleId = annotations.find(me, id).orElseThrow(jakarta.ws.rs.NotFoundException::new).articleId();
            String why = AnnotationService.REPLY_NEEDS_TEXT.equals(e.getMessage()) ? "empty" : "invalid";
            return Response.seeOther(URI.create("/articles/" + articleId + "?reply-refused=" + id + "&why=" + why
                    + "#annotation-" + id)).build();
        }
        return Response.seeOther(URI.create("/articles/" + reply.articleId() + "#annotation-" + id)).build();
    }

    @GET
    @Path("me/annotations/export.jsonld")
    @Produces(WebAnnotations.MEDIA_TYPE)
    public Response exportJsonLd(HttpServerRequest request) {
        return transfer.jsonLd(viewer.id(), viewer.name(), AnnotationApi.base(request));
    }

    @GET
    @Path("me/annotations/export.md")
    @Produces("text/markdown")
    public Response exportMarkdown() {
        return transfer.markdown(viewer.id(), viewer.name());
    }

    @POST
    @Path("me/annotations/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file) {
        long me = viewer.id();
        if (file == null || file.uploadedFile() == null) {
            return Response.seeOther(URI.create("/me/annotations?message=nofile")).build();
        }
        JsonNode json;
        try {
            json = WebAnnotations.JSON.readTree(Files.readString(file.uploadedFile()));
        } catch (IOException e) {
            return Response.status(400).entity(Templates.imported(new AnnotationTransfer.ImportReport(0, 0, 0,
                    List.of(), List.of(new AnnotationTransfer.Problem(0, file.fileName(), null,
                    "not a JSON file: " + e.getMessage()))))).build();
        }
        try {
            return Response.ok(Templates.imported(transfer.importJson(me, json))).build();
        } catch (AnnotationProblem.Invalid e) {
            return Response.status(400).entity(Templates.imported(new AnnotationTransfer.ImportReport(0, 0, 0,
                    List.of(), List.of(new AnnotationTransfer.Problem(0, file.fileName(), null, e.getMessage()))))).build();
        }
    }

    private static Response back(String message, long id) {
        return Response.seeOther(URI.create("/me/annotations?message=" + message + "#annotation-" + id)).build();
    }

    /** Only our own fixed messages are shown: the query parameter picks one, it never supplies text. */
    private static String knownMessage(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "saved" -> "Saved.";
            case "deleted" -> "Deleted. You can restore it below for 30 days.";
            case "restored" -> "Restored.";
            case "expired" -> "That annotation was deleted too long ago to be restored.";
            case "missing" -> "That annotation does not exist or is not yours.";
            case "nofile" -> "Choose a file to import.";
            default -> null;
        };
    }

    static List<String> splitTags(String tags) {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    static List<TagWeight> cloud(Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return counts.entrySet().stream()
                .map(e -> new TagWeight(e.getKey(), e.getValue(),
                        1 + (int) Math.round(4.0 * Math.log(e.getValue()) / Math.log(Math.max(2, max)))))
                .sorted(java.util.Comparator.comparing(TagWeight::tag))
                .toList();
    }
}
