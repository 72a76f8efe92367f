package org.parallax.app.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parallax.core.annotation.AnnotationData;
import org.parallax.core.annotation.AnnotationProblem;
import org.parallax.core.annotation.AnnotationService;

/**
 * {@code /api/annotations}: W3C Web Annotations as JSON-LD. Every endpoint needs a session (401 without);
 * a private annotation of another user is a 404, exactly like one that does not exist; every change needs
 * the CSRF token in the {@code X-CSRF-TOKEN} header (403 without) and an edit needs the version it is based
 * on ({@code If-Match}), so two people editing at once never overwrite each other silently (409).
 */
@Path("/api/annotations")
@Authenticated
@Tag(name = "Annotations", description = "Highlights, notes and tags as W3C Web Annotations (JSON-LD)")
public class AnnotationApi {

    private final AnnotationService annotations;
    private final AnnotationTransfer transfer;
    private final Viewer viewer;

    public AnnotationApi(AnnotationService annotations, AnnotationTransfer transfer, Viewer viewer) {
        this.annotations = annotations;
        this.transfer = transfer;
        this.viewer = viewer;
    }

    @GET
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Annotations on an article that you may read (yours and shared ones), replies included")
    @APIResponse(responseCode = "200", description = "an AnnotationCollection")
    @APIResponse(responseCode = "400", description = "no article given")
    @APIResponse(responseCode = "401", description = "not logged in")
    public Response onArticle(@QueryParam("article") @Parameter(description = "article id", required = true) Long article,
                              HttpServerRequest request) {
        long me = viewer.id();
        if (article == null) {
            return AnnotationProblems.json(400, "Say which article: ?article=ID (your own annotations: /api/annotations/mine).");
        }
        String base = base(request);
        return jsonLd(200, WebAnnotations.collection(base, base + "api/annotations?article=" + article,
                "Annotations on article " + article, annotations.onArticle(me, article)));
    }

    @GET
    @Path("/mine")
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Your annotations across articles, newest first, with optional search and filters")
    @APIResponse(responseCode = "200", description = "an AnnotationCollection")
    public Response mine(@QueryParam("q") @Parameter(description = "words in notes and tags") String q,
                         @QueryParam("tag") String tag, @QueryParam("story") Long story,
                         @QueryParam("deleted") @Parameter(description = "true: the deleted ones you can still restore")
                         boolean deleted, HttpServerRequest request) {
        long me = viewer.id();
        String base = base(request);
        List<AnnotationData> found = annotations.mine(me, new AnnotationService.Filter(q, tag, story, deleted));
        return jsonLd(200, WebAnnotations.collection(base, base + "api/annotations/mine", "Annotations by " + viewer.name(),
                found));
    }

    @GET
    @Path("/{id}")
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "One annotation; its ETag is its version")
    @APIResponse(responseCode = "200", description = "the annotation")
    @APIResponse(responseCode = "404", description = "no such annotation, or another user's private one")
    public Response get(@PathParam("id") long id, HttpServerRequest request) {
        AnnotationData found = annotations.find(viewer.id(), id).orElseThrow(() -> new AnnotationProblem.NotFound(id));
        return jsonLdBuilder(200, WebAnnotations.toJson(base(request), found, true))
                .header("ETag", etag(found.version())).build();
    }

    @POST
    @Consumes({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Create an annotation (target: the article IRI with a TextQuoteSelector and a "
            + "TextPositionSelector over its text) or a reply (target: a shared annotation's IRI)")
    @RequestBody(description = "a W3C Web Annotation; \"visibility\": \"private\" (default) or \"shared\"")
    @APIResponse(responseCode = "201", description = "created; Location and ETag set")
    @APIResponse(responseCode = "403", description = "no CSRF token")
    @APIResponse(responseCode = "422", description = "the quoted text is not in the article, or a field is invalid")
    public Response create(String body, HttpServerRequest request) {
        long me = viewer.id();
        WebAnnotations.Incoming incoming = parse(body);
        AnnotationData created;
        if (incoming.parentIri() != null) {
            Long parent = WebAnnotations.annotationIdOf(incoming.parentIri());
            if (parent == null) {
                throw new AnnotationProblem.Invalid("A reply's target is the IRI of the annotation it answers.");
            }
            created = annotations.reply(me, parent, incoming.note());
        } else {
            Long article = WebAnnotations.articleIdOf(incoming.source());
            if (article == null) {
                article = annotations.articleAt(incoming.source()).orElse(null);
            }
            if (article == null) {
                throw new AnnotationProblem.Invalid("The target's source is not an article here: " + incoming.source());
            }
            created = annotations.create(me, article, new AnnotationService.Draft(incoming.quote(), incoming.note(),
                    incoming.tags(), incoming.visibility()));
        }
        return created(request, created);
    }

    @POST
    @Path("/{id}/replies")
    @Consumes({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Reply to a shared annotation")
    @APIResponse(responseCode = "201", description = "the reply")
    @APIResponse(responseCode = "404", description = "no such annotation you may read")
    public Response reply(@PathParam("id") long id, String body, HttpServerRequest request) {
        long me = viewer.id();
        WebAnnotations.Incoming incoming = parseReply(body);
        return created(request, annotations.reply(me, id, incoming.note()));
    }

    @PUT
    @Path("/{id}")
    @Consumes({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change the note, tags or visibility; If-Match (or \"version\") names the version you edited")
    @APIResponse(responseCode = "200", description = "the new version")
    @APIResponse(responseCode = "409", description = "someone saved a newer version first; the body holds it")
    @APIResponse(responseCode = "428", description = "no If-Match header or version")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body,
                           HttpServerRequest request) {
        long me = viewer.id();
        JsonNode json = tree(body);
        WebAnnotations.Incoming incoming = readLoosely(json);
        Integer base = version(ifMatch);
        if (base == null) {
            base = incoming.version();
        }
        if (base == null) {
            return AnnotationProblems.json(428, "Say which version you edited: an If-Match header with the ETag.");
        }
        AnnotationData updated = annotations.update(me, id, new AnnotationService.Edit(base, incoming.note(),
                incoming.tags(), incoming.visibility()));
        return jsonLdBuilder(200, WebAnnotations.toJson(base(request), updated, true))
                .header("ETag", etag(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete (the author can restore it for 30 days)")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        annotations.delete(viewer.id(), id, version(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/restore")
    @Produces({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Restore a deleted annotation of yours")
    @APIResponse(responseCode = "200", description = "restored")
    @APIResponse(responseCode = "410", description = "deleted more than 30 days ago")
    public Response restore(@PathParam("id") long id, HttpServerRequest request) {
        AnnotationData restored = annotations.restore(viewer.id(), id);
        return jsonLd(200, WebAnnotations.toJson(base(request), restored, true));
    }

    @GET
    @Path("/export")
    @Produces({WebAnnotations.MEDIA_TYPE, "text/markdown"})
    @Operation(summary = "All your annotations: an AnnotationCollection (format=jsonld) or Markdown by story and article")
    public Response export(@QueryParam("format") String format, HttpServerRequest request) {
        long me = viewer.id();
        if ("markdown".equals(format) || "md".equals(format)) {
            return transfer.markdown(me, viewer.name());
        }
        return transfer.jsonLd(me, viewer.name(), base(request));
    }

    @POST
    @Path("/import")
    @Consumes({WebAnnotations.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import W3C Web Annotations (a collection, a page, an array, or a Hypothesis export): "
            + "anchors what it can, keeps unanchorable quotes as orphans, reports unknown sources")
    @APIResponse(responseCode = "200", description = "what was imported and what was not")
    public Response importAnnotations(String body) {
        long me = viewer.id();
        AnnotationTransfer.ImportReport report = transfer.importJson(me, tree(body));
        return Response.ok(WebAnnotations.write(report)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response created(HttpServerRequest request, AnnotationData created) {
        String base = base(request);
        return jsonLdBuilder(201, WebAnnotations.toJson(base, created, true))
                .location(URI.create(WebAnnotations.iri(base, created.id())))
                .header("ETag", etag(created.version())).build();
    }

    static Response jsonLd(int status, Map<String, Object> json) {
        return jsonLdBuilder(status, json).build();
    }

    static Response.ResponseBuilder jsonLdBuilder(int status, Map<String, Object> json) {
        return Response.status(status).type(WebAnnotations.PROFILE_TYPE).entity(WebAnnotations.write(json));
    }

    static String base(HttpServerRequest request) {
        return URI.create(request.absoluteURI()).resolve("/").toString();
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent. */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AnnotationProblem.Invalid("If-Match holds the annotation's ETag, a version number.");
        }
    }

    private static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw new AnnotationProblem.Invalid("Send a W3C Web Annotation as JSON-LD.");
        }
        try {
            return WebAnnotations.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AnnotationProblem.Invalid("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static WebAnnotations.Incoming parse(String body) {
        try {
            return WebAnnotations.read(tree(body));
        } catch (IllegalArgumentException e) {
            throw new AnnotationProblem.Invalid("Not a usable annotation: " + e.getMessage() + ".");
        }
    }

    /** A reply or an edit needs no target: only its bodies (and version) count. */
    private static WebAnnotations.Incoming parseReply(String body) {
        return readLoosely(tree(body));
    }

    private static WebAnnotations.Incoming readLoosely(JsonNode json) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = json.isObject()
                ? ((com.fasterxml.jackson.databind.node.ObjectNode) json).deepCopy()
                : WebAnnotations.JSON.createObjectNode();
        copy.put("target", "urn:parallax:no-target");
        return WebAnnotations.read(copy);
    }
}
