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
import org.parallax.app.web.InvalidRequest;
import org.parallax.app.web.MissingResource;

/** The story pages: the coverage overview and the side-by-side comparison. */
@Path("/stories")
public class StoryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance story(StoryOverview overview);

        static native TemplateInstance compare(CompareView compare);
    }

    private final StoryCache stories;
    private final StoryStore store;

    public StoryPages(StoryCache stories, StoryStore store) {
        this.stories = stories;
        this.store = store;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance story(@PathParam("id") long id) {
        StoryData story = stories.get(id).orElseThrow(() -> new MissingResource("No story " + id));
        return Templates.story(new OverviewBuilder(story).build(store.related(id)));
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
        return Templates.compare(new CompareBuilder(story, columns, "off".equals(sync)).build());
    }
}
