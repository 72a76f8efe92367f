package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parallax.core.article.ArticleRemoved;

/**
 * When an editor removes an article, its story's counts, dates and title are recomputed in the same
 * transaction and the articles left are marked for realignment (what they shared only with the removed one
 * is now theirs alone).
 */
@ApplicationScoped
public class RemovalSummary {

    private final StoryService stories;

    public RemovalSummary(StoryService stories) {
        this.stories = stories;
    }

    void onRemoved(@Observes ArticleRemoved removed) {
        if (removed.storyId() != null) {
            stories.refreshAfterRemoval(removed.storyId());
        }
    }
}
