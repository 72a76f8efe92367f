package org.parallax.app.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parallax.app.annotation.ReaderAnnotations;
import org.parallax.app.annotation.Viewer;
import org.parallax.app.story.ArticleInStory;
import org.parallax.app.story.StoryCache;
import org.parallax.core.annotation.AnnotationService;
import org.parallax.core.search.SearchQueryParser;
import org.parallax.core.search.SearchService;

@Path("/articles")
public class ArticlePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(ArticleView article, ArticleInStory inStory,
                                               ReaderAnnotations.Panel annotations);
    }

    private final ArticleReader reader;
    private final SearchService search;
    private final StoryCache stories;
    private final ReaderAnnotations annotations;
    private final Viewer viewer;
    private final MissingArticles missing;

    public ArticlePages(ArticleReader reader, SearchService search, StoryCache stories, ReaderAnnotations annotations,
                        Viewer viewer, MissingArticles missing) {
        this.missing = missing;
        this.reader = reader;
        this.search = search;
        this.stories = stories;
        this.annotations = annotations;
        this.viewer = viewer;
    }

    /**
     * @param q the search the reader came from, if any: its matches are marked and the first one scrolled to
     *          (instead of the passages shared with the story, so the two kinds of marks never mix)
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance article(@PathParam("id") long id, @QueryParam("q") String q,
                                    @QueryParam("reply-refused") String replyRefused, @QueryParam("why") String why) {
        ArticleView article = reader.find(id).orElseThrow(() -> missing.of(id));
        ReaderAnnotations.Panel panel = annotations.panel(viewer.idOrNull(), viewer.name(), id);
        ReaderAnnotations.ReplyProblem replyProblem = replyProblem(replyRefused, why);
        if (replyProblem != null) {
            panel = panel.withReplyProblem(replyProblem);
        }
        if (q != null && !q.isBlank()) {
            return Templates.article(article.withHighlights(search.highlightParagraphs(id, SearchQueryParser.parse(q))),
                    null, panel);
        }
        Long storyId = article.storyId();
        ArticleInStory inStory = storyId == null ? null
                : stories.get(storyId).filter(s -> s.member(id).isPresent()).map(s -> ArticleInStory.of(s, id)).orElse(null);
        return Templates.article(article, inStory, panel);
    }

    /**
     * After a refused reply (post/redirect/get from the reply form): the query names the annotation and picks
     * one of our fixed messages; it never supplies the text shown.
     */
    private static ReaderAnnotations.ReplyProblem replyProblem(String annotationId, String why) {
        if (annotationId == null || why == null || !annotationId.matches("[0-9]{1,18}")) {
            return null;
        }
        String message = switch (why) {
            case "empty" -> AnnotationService.REPLY_NEEDS_TEXT;
            case "invalid" -> "That reply was not saved: a reply is at most 10,000 characters long and answers "
                    + "an annotation, not another reply.";
            default -> null;
        };
        return message == null ? null : new ReaderAnnotations.ReplyProblem(Long.parseLong(annotationId), message);
    }

    /**
     * The input exactly as received. Served as plain text under a sandboxing CSP, so an original HTML
     * page is shown as its source and can never run in Parallax's origin; in the encoding ingest read it
     * with, so its characters show as they were read.
     */
    @GET
    @Path("/{id}/original")
    public Response original(@PathParam("id") long id) {
        OriginalDocument original = reader.original(id).orElseThrow(() -> missing.of(id));
        return Response.ok(original.content())
                .type("text/plain; charset=" + original.servedCharset().name().toLowerCase(java.util.Locale.ROOT))
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .build();
    }
}
