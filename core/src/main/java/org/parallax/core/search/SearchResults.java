package org.parallax.core.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of search results.
 *
 * @param next the cursor for the following page, or null on the last page
 * @param suggestion a corrected query when this one found nothing and a likely spelling exists, or null
 */
public record SearchResults(SearchQuery query, long total, List<Hit> hits, Facets facets, String next,
                            String suggestion, List<String> notes) {

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
