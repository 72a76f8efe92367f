package org.parallax.core.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many searches run at once. A search is CPU work in PostgreSQL (reading, ranking, faceting and
 * snippeting its candidates); more of them at once than there are cores only makes every one of them
 * slower and switches between them. Searches beyond the limit wait their turn in arrival order, without
 * holding a database connection, and give up with {@link Busy} after the configured wait.
 *
 * <p>Measured with the search benchmark (8 clients, 2 cores, docs/benchmarks.md): with searches bounded
 * only by the pool of 20 connections p99 was 86 ms; with 2 to 4 at once 54 to 61 ms, at 300 instead of
 * 245 queries/s, and the app's CPU per search halved.
 */
@ApplicationScoped
public class SearchAdmission {

    /** Too many searches were already waiting: the caller should try again shortly. */
    public static final class Busy extends RuntimeException {
        public Busy(Duration waited) {
            super("Search is busy right now (waited " + waited.toMillis() + " ms for a turn); please try again in a moment.");
        }
    }

    private final SearchService search;
    private final Semaphore turns;
    private final Duration maxWait;

    public SearchAdmission(SearchService search, SearchConfig config) {
        this.search = search;
        this.turns = new Semaphore(config.concurrency().orElse(Math.max(2, Runtime.getRuntime().availableProcessors())), true);
        this.maxWait = config.maxWait();
    }

    /** {@link SearchService#search}, when its turn comes. */
    public SearchResults search(SearchQuery query, String after, int pageSize) {
        try {
            if (!turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(maxWait);
        }
        try {
            return search.search(query, after, pageSize);
        } finally {
            turns.release();
        }
    }
}
