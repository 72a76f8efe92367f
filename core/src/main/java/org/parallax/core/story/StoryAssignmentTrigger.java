package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.parallax.core.article.ArticleStored;

/**
 * Hands each newly stored article to story assignment without making the storing transaction wait for it:
 * the article is queued inside its own transaction (so a committed article is always grouped eventually)
 * and the background {@link StoryAssignmentWorker} is woken once that transaction has committed. A grouping
 * failure leaves the article stored and queued: ingest never loses an article because grouping failed.
 */
@ApplicationScoped
public class StoryAssignmentTrigger {

    private final StoryAssignmentQueue queue;
    private final StoryAssignmentWorker worker;

    public StoryAssignmentTrigger(StoryAssignmentQueue queue, StoryAssignmentWorker worker) {
        this.queue = queue;
        this.worker = worker;
    }

    void onStoring(@Observes ArticleStored stored) {
        queue.enqueue(stored.articleId());
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleStored stored) {
        worker.wake();
    }
}
