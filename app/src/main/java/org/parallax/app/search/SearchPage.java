package org.parallax.app.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.parallax.app.ParallaxConfig;
import org.parallax.core.search.SearchQueryParser;
import org.parallax.core.search.SearchService;

@Path("/search")
public class SearchPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, SearchView view);
    }

    private final SearchService search;
    private final ParallaxConfig config;

    public SearchPage(SearchService search, ParallaxConfig config) {
        this.search = search;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("after") String after) {
        String text = q == null ? "" : q;
        var results = search.search(SearchQueryParser.parse(text), after, config.pages().pageSize());
        return Templates.search(text, SearchView.of(text, results));
    }
}
