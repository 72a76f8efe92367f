package org.parallax.app.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.search.SearchQueryParser;
import org.parallax.core.search.SearchResults;

/**
 * The search page's model: hits grouped by story (one entry per story, with the other outlets that
 * match listed under it), facets as ready-made filter links.
 */
public record SearchView(long total, boolean totalExact, long counted, List<Group> groups, List<FacetLink> outlets, List<FacetLink> stories,
                         List<FacetLink> months, String nextUrl, String suggestion, String suggestionUrl,
                         List<String> notes, boolean searched) {

    public record Group(SearchResults.Hit lead, List<Other> others, String articleUrl) {

        /**
         * "3 outlets" when each matching article is another outlet's, else "3 articles from 2 outlets", as on
         * the story page: two articles of one outlet, or of no known outlet, are not two outlets.
         */
        public String coverage() {
            int articles = 1 + others.size();
            java.util.Set<String> outlets = new java.util.HashSet<>();
            if (lead.outlet() != null) {
                outlets.add(lead.outlet());
            }
            others.stream().map(Other::outlet).filter(java.util.Objects::nonNull).forEach(outlets::add);
            if (outlets.size() == articles) {
                return articles + " outlets";
            }
            return articles + " articles" + switch (outlets.size()) {
                case 0 -> "";
                case 1 -> " from 1 outlet";
                default -> " from " + outlets.size() + " outlets";
            };
        }
    }

    /** Another outlet's matching article in the same story. */
    public record Other(String outlet, String headline, String url) {
    }

    public record FacetLink(String label, long count, String url) {
    }

    public static SearchView of(String q, SearchResults results) {
        Map<Object, List<SearchResults.Hit>> byStory = new LinkedHashMap<>();
        for (SearchResults.Hit hit : results.hits()) {
            Object key = hit.storyId() != null ? hit.storyId() : "article-" + hit.articleId();
            byStory.computeIfAbsent(key, k -> new ArrayList<>()).add(hit);
        }
        List<Group> groups = new ArrayList<>();
        for (List<SearchResults.Hit> hits : byStory.values()) {
            SearchResults.Hit lead = hits.get(0);
            List<Other> others = hits.subList(1, hits.size()).stream()
                    .map(h -> new Other(h.outlet(), h.headline().plainText(), articleUrl(h.articleId(), q)))
                    .toList();
            groups.add(new Group(lead, others, articleUrl(lead.articleId(), q)));
        }
        String next = results.next() == null ? null : "/search?q=" + encode(q) + "&after=" + encode(results.next());
        String suggestionUrl = results.suggestion() == null ? null
                : "/search?q=" + encode(SearchQueryParser.withText(q, results.suggestion()));
        return new SearchView(results.total(), results.totalExact(), results.counted(), groups,
                links(results.facets().outlets(), q, "outlet"), links(results.facets().stories(), q, "story"),
                monthLinks(results.facets().months(), q), next, results.suggestion(), suggestionUrl,
                results.notes(), !results.query().isEmpty());
    }

    /**
     * "1 result", "12 results", or for an estimated total "About 16,000 results": two significant digits,
     * so the figure does not pretend to a precision the estimate lacks.
     */
    public String totalLabel() {
        if (totalExact) {
            return String.format(java.util.Locale.ENGLISH, "%,d result%s", total, total == 1 ? "" : "s");
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(total)
                .round(new java.math.MathContext(2, java.math.RoundingMode.HALF_UP));
        return String.format(java.util.Locale.ENGLISH, "About %,d results", Math.max(rounded.longValueExact(), counted));
    }

    public static String articleUrl(long id, String q) {
        return "/articles/" + id + (q == null || q.isBlank() ? "" : "?q=" + encode(q) + "#first-hit");
    }

    private static List<FacetLink> links(List<SearchResults.Count> counts, String q, String filter) {
        return counts.stream()
                .map(c -> new FacetLink(c.label(), c.count(), "/search?q=" + encode(withFilter(q, filter, c.key()))))
                .toList();
    }

    private static List<FacetLink> monthLinks(List<SearchResults.Count> counts, String q) {
        return counts.stream().map(c -> {
            java.time.YearMonth month = java.time.YearMonth.parse(c.key());
            String filtered = withFilter(withFilter(q, "from", month.atDay(1).toString()), "to",
                    month.atEndOfMonth().toString());
            return new FacetLink(c.label(), c.count(), "/search?q=" + encode(filtered));
        }).toList();
    }

    /** The query with one filter set (replacing an earlier value of the same filter). */
    static String withFilter(String q, String filter, String value) {
        String without = (q == null ? "" : q).replaceAll("(?i)(?<![\\p{L}\\p{N}])" + filter + ":(\"[^\"]*\"?|\\S+)", " ")
                .replaceAll("\\s+", " ").strip();
        String quoted = value.contains(" ") ? "\"" + value.replace("\"", "") + "\"" : value;
        return (without + " " + filter + ":" + quoted).strip();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
