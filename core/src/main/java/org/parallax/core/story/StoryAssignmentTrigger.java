package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.parallax.core.article.ArticleStored;

/**
 * Assigns each newly stored article to a story once its transaction has committed. A failure is logged and
 * leaves the article stored but ungrouped: ingest must not lose an article because grouping failed.
 */
@ApplicationScoped
public class StoryAssignmentTrigger {

    private static final Logger LOG = Logger.getLogger(StoryAssignmentTrigger.class);

    private final StoryService stories;

    public StoryAssignmentTrigger(StoryService stories) {
        this.stories = stories;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleStored stored) {
        try {
            stories.assign(stored.articleId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "article %d: story assignment failed", stored.articleId());
        }
    }
}
