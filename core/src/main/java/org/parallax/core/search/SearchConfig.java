package org.parallax.core.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
