package org.parallax.app.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.parallax.app.ParallaxConfig;
import org.parallax.app.web.QueryNumbers;
import org.parallax.core.text.ControlCharacters;

/** The home page: stories, newest first, with a search box that narrows them. */
@Path("/")
public class HomePage {

    private static final int MAX_QUERY = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(StoryListing.Page stories, Paging paging, String query);
    }

    /** Where a listing page stands; pages count from 1 in URLs. */
    public record Paging(int page, int pages, long total, String query) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        /** The address of another page of the same listing. */
        public String href(int target) {
            String q = query == null || query.isBlank() ? ""
                    : "&q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
            return "/?page=" + target + q;
        }
    }

    private final StoryListing listing;
    private final ParallaxConfig config;

    public HomePage(StoryListing listing, ParallaxConfig config) {
        this.listing = listing;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@QueryParam("page") String pageParam, @QueryParam("q") String q) {
        int page = QueryNumbers.parseInt("page", pageParam, 1);
        String query = q == null ? "" : ControlCharacters.replace(q).strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        int size = config.pages().pageSize();
        StoryListing.Page first = listing.page(query, 0, size);
        int pages = (int) Math.max(1, (first.total() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        StoryListing.Page shown = current == 1 ? first : listing.page(query, current - 1, size);
        return Templates.index(shown, new Paging(current, pages, first.total(), query), query);
    }
}
