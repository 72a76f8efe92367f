package org.parallax.app.story;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.parallax.app.annotation.ReaderAnnotations;
import org.parallax.app.annotation.Viewer;
import org.parallax.app.article.MissingArticles;
import org.parallax.app.web.InvalidRequest;
import org.parallax.app.web.MissingResource;
import org.parallax.core.story.Story;
import org.parallax.core.story.StoryService;
import org.parallax.core.user.Accounts;

/** The story pages: the coverage overview, the side-by-side comparison, and editors' merge and split forms. */
@Path("/stories")
public class StoryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance story(long storyId, String title, String body,
                                             List<StoryOverview.Related> related, StoryHistory.Page history,
                                             List<StoryData.Member> articles);

        static native TemplateInstance storyBody(StoryOverview overview);

        static native TemplateInstance compare(String title, String body, ReaderAnnotations.Panel annotations);

        static native TemplateInstance compareBody(CompareView compare);
    }

    /** "12", "/stories/12" or a full address ending in it. */
    private static final Pattern STORY_REFERENCE = Pattern.compile("(?:.*/stories/)?(\\d{1,19})/?");

    private final StoryCache stories;
    private final StoryStore store;
    private final ReaderAnnotations annotations;
    private final Viewer viewer;
    private final StoryService editor;
    private final MissingArticles missing;
    private final MissingStories missingStories;
    private final StoryHistory history;

    public StoryPages(StoryCache stories, StoryStore store, ReaderAnnotations annotations, Viewer viewer,
                      StoryService editor, MissingArticles missing, MissingStories missingStories,
                      StoryHistory history) {
        this.history = history;
        this.missing = missing;
        this.missingStories = missingStories;
        this.stories = stories;
        this.store = store;
        this.annotations = annotations;
        this.viewer = viewer;
        this.editor = editor;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance story(@PathParam("id") long id) {
        StoryData story = stories.get(id).orElseThrow(() -> missingStories.of(id, "/stories/"));
        // Related stories and the history change when other stories do: read on every request, not kept with the body.
        List<StoryOverview.Related> related = store.related(id);
        String body = story.rendered("overview", () -> Templates.storyBody(new OverviewBuilder(story).build()).render());
        return Templates.story(id, story.title(), body, related, history.of(id), story.articles());
    }

    /**
     * Editors: the story page's form to merge another story into this one. The other story is named by its
     * number or by its address (editors copy it from the browser), and this story keeps its address.
     */
    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("id") long id, @RestForm("story") String story) {
        Matcher number = STORY_REFERENCE.matcher(story == null ? "" : story.strip());
        if (!number.matches()) {
            throw new InvalidRequest("Give the number of the story to merge into this one, or its address, such as "
                    + "/stories/12.");
        }
        long other;
        try {
            other = Long.parseLong(number.group(1));
        } catch (NumberFormatException e) {
            throw new MissingResource("No story " + number.group(1));
        }
        editor.merge(id, other, viewer.name());
        return Response.seeOther(URI.create("/stories/" + id)).build();
    }

    /** Editors: the story page's form to move the articles ticked into a new story, which it then shows. */
    @POST
    @Path("/{id}/split")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response split(@PathParam("id") long id, @RestForm("articles") List<Long> articles) {
        if (articles == null || articles.isEmpty()) {
            throw new InvalidRequest("Tick the articles to move into a new story.");
        }
        Story created = editor.split(id, articles, viewer.name());
        return Response.seeOther(URI.create("/stories/" + created.id)).build();
    }


    /** @param sync "off" lays the articles out as independent columns instead of shared rows */
    @GET
    @Path("/{id}/compare")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance compare(@PathParam("id") long id, @QueryParam("articles") List<String> articles,
                                    @QueryParam("sync") String sync) {
        StoryData story = stories.get(id).orElseThrow(() -> missingStories.of(id, "/stories/"));
        List<Long> ids = CompareSelection.parse(articles);
        List<StoryData.Member> columns = new ArrayList<>();
        for (long article : ids) {
            // A bookmarked comparison may name an article an editor has removed since: say so (410), not that
            // the reader chose an article from another story.
            columns.add(story.member(article).orElseThrow(() -> missing.wasRemoved(article)
                    ? missing.of(article)
                    : new InvalidRequest("Article " + article + " is not part of the story “" + story.title()
                            + "”. Choose its articles from the story page.")));
        }
        boolean separate = "off".equals(sync);
        // The body depends only on the story's version and the selection, so it is rendered once per snapshot;
        // annotations depend on the reader and are not part of it.
        String body = story.rendered("compare:" + ids + ":" + separate,
                () -> Templates.compareBody(new CompareBuilder(story, columns, separate).build()).render());
        return Templates.compare(story.title(), body, annotations.comparePanel(viewer.idOrNull(), viewer.name(), ids));
    }
}
