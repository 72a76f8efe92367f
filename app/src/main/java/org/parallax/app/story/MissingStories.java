package org.parallax.app.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.parallax.app.article.MissingArticles;
import org.parallax.app.web.MissingResource;
import org.parallax.app.web.RemovedResource;
import org.parallax.core.article.ArticleRemovals;

/**
 * What to answer for a story id with no story to show. Links to stories live on in notes and bookmarks:
 * a story an editor merged into another moves there (301), a story whose articles editors removed says
 * so (410, with the last removal); otherwise 404.
 */
@ApplicationScoped
public class MissingStories {

    private final StoryStore store;
    private final ArticleRemovals removals;

    public MissingStories(StoryStore store, ArticleRemovals removals) {
        this.store = store;
        this.removals = removals;
    }

    /** @param base where stories are addressed, "/stories/" for pages or "/api/stories/" for the API */
    public RuntimeException of(long id, String base) {
        Optional<Long> merged = store.mergedInto(id);
        if (merged.isPresent()) {
            return new RedirectionException(Response.Status.MOVED_PERMANENTLY, URI.create(base + merged.get()));
        }
        List<ArticleRemovals.Removal> gone = removals.removalsFromStory(id);
        if (!gone.isEmpty()) {
            ArticleRemovals.Removal last = gone.get(0);
            return new RemovedResource("Story " + id + " has no articles left. "
                    + (gone.size() == 1 ? "Its article" : "Its last article") + ", “" + last.headline() + "”, "
                    + MissingArticles.removedBy(last));
        }
        return new MissingResource("No story " + id);
    }
}
