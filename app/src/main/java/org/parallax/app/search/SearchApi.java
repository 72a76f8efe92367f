package org.parallax.app.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parallax.app.web.QueryNumbers;
import org.parallax.core.search.SearchQueryParser;
import org.parallax.core.search.SearchResults;
import org.parallax.core.search.SearchAdmission;

/** {@code GET /api/search}: the same search as the page, as JSON. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    /**
     * @param total exact when {@code totalExact}; otherwise PostgreSQL's estimate of the matches
     * @param counted how many matches were ranked, paged and counted into {@code facets}: all of them when
     *                {@code totalExact}, otherwise the most recent ones
     * @param suggestion a whole {@code q} to send back: it once held the corrected words alone, so a client
     *                   that sent it lost the {@code outlet:} or dates it had typed into {@code q}
     */
    public record Response(long total, boolean totalExact, long counted, List<Hit> hits, Facets facets, String next,
                           @Schema(description = "When nothing matched and a likely spelling exists: the corrected "
                                   + "query, to send back as q as it is (the filters written in q are kept; the "
                                   + "outlet, from, to and story parameters still apply); otherwise null")
                           String suggestion,
                           @Schema(description = "The corrected words of suggestion alone, without its filters, "
                                   + "for showing (\"Did you mean putin?\"); null with suggestion")
                           String suggestedWords,
                           @Schema(description = "What the search changed or ignored in the query, in words fit "
                                   + "to show the user: unreadable dates, repeated filters, dates the wrong way round")
                           List<String> notes) {
    }

    public record Hit(long articleId, Long storyId, String headline, String outlet, Instant publishedAt,
                      String snippet, List<Highlight> highlights, double score) {
    }

    /** A matched word inside {@code snippet}: character offsets, end exclusive. */
    public record Highlight(int start, int end) {
    }

    public record Facets(List<SearchResults.Count> outlets, List<SearchResults.Count> stories,
                         List<SearchResults.Count> months) {
    }

    private final SearchAdmission search;

    public SearchApi(SearchAdmission search) {
        this.search = search;
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("outlet") String outlet,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("story") String story, @QueryParam("after") String after,
                           @QueryParam("size") String size) {
        SearchResults results = search.search(SearchQueryParser.parse(q, outlet, from, to, story), after,
                QueryNumbers.parseInt("size", size, 20));
        List<Hit> hits = results.hits().stream().map(SearchApi::hit).toList();
        return new Response(results.total(), results.totalExact(), results.counted(), hits, new Facets(results.facets().outlets(),
                results.facets().stories(), results.facets().months()), results.next(),
                results.suggestion() == null ? null : SearchQueryParser.withText(q, results.suggestion()),
                results.suggestion(), results.notes());
    }

    private static Hit hit(SearchResults.Hit h) {
        StringBuilder text = new StringBuilder();
        List<Highlight> highlights = new java.util.ArrayList<>();
        if (h.snippet() != null) {
            for (var segment : h.snippet().segments()) {
                if (segment.match()) {
                    highlights.add(new Highlight(text.length(), text.length() + segment.text().length()));
                }
                text.append(segment.text());
            }
        }
        return new Hit(h.articleId(), h.storyId(), h.headline().plainText(), h.outlet(), h.publishedAt(),
                text.toString(), highlights, h.score());
    }
}
