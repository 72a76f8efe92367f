package org.parallax.app.story;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.parallax.app.annotation.ReaderAnnotations;
import org.parallax.app.annotation.Viewer;
import org.parallax.app.web.InvalidRequest;
import org.parallax.app.web.MissingResource;

/** The story pages: the coverage overview and the side-by-side comparison. */
@Path("/stories")
public class StoryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance story(String title, String body, List<StoryOverview.Related> related);

        static native TemplateInstance storyBody(StoryOverview overview);

        static native TemplateInstance compare(String title, String body, ReaderAnnotations.Panel annotations);

        static native TemplateInstance compareBody(CompareView compare);
    }

    private final StoryCache stories;
    private final StoryStore store;
    private final ReaderAnnotations annotations;
    private final Viewer viewer;

    public StoryPages(StoryCache stories, StoryStore store, ReaderAnnotations annotations, Viewer viewer) {
        this.stories = stories;
        this.store = store;
        this.annotations = annotations;
        this.viewer = viewer;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance story(@PathParam("id") long id) {
        StoryData story = stories.get(id).orElseThrow(() -> new MissingResource("No story " + id));
        // Related stories change when other stories do, so they are read on every request, not kept with the body.
        List<StoryOverview.Related> related = store.related(id);
        String body = story.rendered("overview", () -> Templates.storyBody(new OverviewBuilder(story).build()).render());
        return Templates.story(story.title(), body, related);
    }

    /** @param sync "off" lays the articles out as independent columns instead of shared rows */
    @GET
    @Path("/{id}/compare")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance compare(@PathParam("id") long id, @QueryParam("articles") List<String> articles,
                                    @QueryParam("sync") String sync) {
        StoryData story = stories.get(id).orElseThrow(() -> new MissingResource("No story " + id));
        List<Long> ids = CompareSelection.parse(articles);
        List<StoryData.Member> columns = new ArrayList<>();
        for (long article : ids) {
            columns.add(story.member(article).orElseThrow(() -> new InvalidRequest("Article " + article
                    + " is not part of the story “" + story.title() + "”. Choose its articles from the story page.")));
        }
        boolean separate = "off".equals(sync);
        // The body depends only on the story's version and the selection, so it is rendered once per snapshot;
        // annotations depend on the reader and are not part of it.
        String body = story.rendered("compare:" + ids + ":" + separate,
                () -> Templates.compareBody(new CompareBuilder(story, columns, separate).build()).render());
        return Templates.compare(story.title(), body, annotations.comparePanel(viewer.idOrNull(), viewer.name(), ids));
    }
}
