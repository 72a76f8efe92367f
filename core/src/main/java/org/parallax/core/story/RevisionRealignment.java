package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.parallax.core.article.ArticleRevised;

/**
 * Once a revision has committed, recomputes what was derived from the old text: the article's quotes and the
 * alignment of its story. A failure is logged; the revision itself stays stored.
 */
@ApplicationScoped
public class RevisionRealignment {

    private static final Logger LOG = Logger.getLogger(RevisionRealignment.class);

    private final StoryService stories;

    public RevisionRealignment(StoryService stories) {
        this.stories = stories;
    }

    void onRevised(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleRevised revised) {
        try {
            stories.realign(revised.articleId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "article %d: realignment after revision %d failed", revised.articleId(), revised.revision());
        }
    }
}
