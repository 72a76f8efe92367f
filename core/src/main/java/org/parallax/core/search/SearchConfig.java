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

    /**
     * From which share of all articles (by PostgreSQL's estimate) a search's words are common enough to find
     * their newest matches by walking the articles newest first, testing each, instead of through the RUM
     * index, which reads every match of the words to order them by date. Measured at 100,000 articles
     * (docs/benchmarks.md, "Search"): "April or Joint" (33% of them) 8.9 ms through the index, 0.2 ms
     * walking; the two cost about the same near 12%. The walk's cost grows as the words get rarer, the
     * index's as the corpus grows, so a fixed share errs towards the index in bigger corpora.
     */
    @WithDefault("0.12")
    @jakarta.validation.constraints.DecimalMin("0")
    double walkShare();
}
