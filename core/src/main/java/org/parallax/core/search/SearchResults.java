package org.parallax.core.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many articles match: exact when {@code totalExact}, otherwise PostgreSQL's estimate
 *              (never below {@code counted + 1})
 * @param totalExact false when more articles match than one search reads ({@link SearchConfig#candidates()})
 * @param counted how many matches were ranked and counted into the facets: all of them when
 *                {@code totalExact}, otherwise the most recent ones; paging ends after these
 * @param next the cursor for the following page, or null on the last page
 * @param suggestion a corrected query when this one found nothing and a likely spelling exists, or null
 */
public record SearchResults(SearchQuery query, long total, boolean totalExact, long counted, List<Hit> hits,
                            Facets facets, String next,
                            String suggestion, List<String> notes) {

    static SearchResults none(SearchQuery query, List<String> notes, String suggestion) {
        return new SearchResults(query, 0, true, 0, List.of(), Facets.NONE, null, suggestion, notes);
    }

    public record Hit(long articleId, Long storyId, String storyTitle, Snippet headline, String outlet,
                      Instant publishedAt, Snippet snippet, double score) {
    }

    public record Facets(List<Count> outlets, List<Count> stories, List<Count> months) {
        public static final Facets NONE = new Facets(List.of(), List.of(), List.of());
    }

    /** A facet value: {@code key} is what a filter takes (outlet name, story id, "2020-09"). */
    public record Count(String key, String label, long count) {
    }
}
