package org.parallax.app.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parallax.app.ParallaxConfig;
import org.parallax.app.annotation.AnnotationView;
import org.parallax.app.annotation.Viewer;
import org.parallax.core.annotation.AnnotationService;
import org.parallax.core.search.SearchQuery;
import org.parallax.core.search.SearchQueryParser;
import org.parallax.core.search.SearchAdmission;

@Path("/search")
public class SearchPage {

    /** How many of the reader's matching annotations the result page lists (all are on /me/annotations). */
    static final int MY_ANNOTATIONS = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, SearchView view, List<AnnotationView> myAnnotations,
                                              String myAnnotationsUrl);
    }

    private final SearchAdmission search;
    private final ParallaxConfig config;
    private final AnnotationService annotations;
    private final Viewer viewer;

    public SearchPage(SearchAdmission search, ParallaxConfig config, AnnotationService annotations, Viewer viewer) {
        this.search = search;
        this.config = config;
        this.annotations = annotations;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("after") String after) {
        String text = q == null ? "" : q;
        SearchQuery query = SearchQueryParser.parse(text);
        var results = search.search(query, after, config.pages().pageSize());
        return Templates.search(text, SearchView.of(text, results), myAnnotations(query, after), myAnnotationsUrl(text));
    }

    /** The annotations page with the same selection as the list above: it reads the same filters. */
    static String myAnnotationsUrl(String q) {
        return "/me/annotations?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /**
     * The logged-in reader's own annotations whose notes or tags match the words, on the first page only,
     * on articles the filters let through: a list that ignored {@code outlet:} and the dates showed a
     * BuzzFeed News article's annotation under a search narrowed to The New York Times.
     */
    private List<AnnotationView> myAnnotations(SearchQuery query, String after) {
        Long me = viewer.idOrNull();
        if (me == null || after != null || !query.hasText()) {
            return List.of();
        }
        return annotations.mine(me, new AnnotationService.Filter(query.text(), null, query.storyId(), false,
                        query.outlet(), query.from(), query.to())).stream()
                .limit(MY_ANNOTATIONS).map(a -> AnnotationView.of(a, viewer.name(), List.of())).toList();
    }
}
