package org.parallax.core.search;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import org.parallax.core.article.ArticleStored;
import org.parallax.core.queue.BackgroundDrain;

/**
 * Keeps the suggestion vocabulary ({@code search_word}) current behind ingest: woken once an article has
 * committed, it counts the words of every article noted since, in batches ({@link SearchWordCounter}).
 */
@Singleton
public class SearchWordWorker extends BackgroundDrain {

    /** Hot words are updated once per batch, so let a burst of ingest gather before counting it. */
    private static final long SETTLE_MILLIS = 1000;

    private final SearchWordCounter counter;

    public SearchWordWorker(SearchWordCounter counter) {
        super("search-words", SETTLE_MILLIS);
        this.counter = counter;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleStored stored) {
        wake();
    }

    @Override
    protected int step(boolean draining) {
        return counter.countNext(draining);
    }
}
