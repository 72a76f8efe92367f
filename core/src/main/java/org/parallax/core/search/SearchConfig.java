package org.parallax.core.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Search settings, under {@code parallax.search.}. */
@ConfigMapping(prefix = "parallax.search")
public interface SearchConfig {

    /**
     * How many matches one search reads, newest first: they are counted exactly, ranked and faceted.
     * When more articles match, the total is PostgreSQL's estimate (marked as such) and ranking, facets
     * and paging cover only these most recent matches. Bounds the work per search: counting, ranking
     * and faceting every match grew linearly with the matches (3.5 s p99 at 100,000 articles, see
     * docs/benchmarks.md "Search").
     */
    @WithDefault("200")
    int candidates();

    /**
     * How many searches run at once in this process ({@link SearchAdmission}); by default as many as the
     * machine has cores, at least 2. Set it to the database server's cores when it runs elsewhere.
     */
    Optional<@Min(1) Integer> concurrency();

    /** How long a search waits for its turn before the reader is told to try again (503). */
    @WithDefault("5s")
    Duration maxWait();
}
