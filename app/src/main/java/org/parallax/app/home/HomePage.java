package org.parallax.app.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.parallax.app.ParallaxConfig;
import org.parallax.app.article.ArticleReader;
import org.parallax.app.article.ArticleSummary;

@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ArticleSummary> articles, Paging paging);
    }

    /** Where a listing page stands; pages count from 1 in URLs. */
    public record Paging(int page, int pages, long total) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    private final ArticleReader reader;
    private final ParallaxConfig config;

    public HomePage(ArticleReader reader, ParallaxConfig config) {
        this.reader = reader;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@QueryParam("page") @DefaultValue("1") int page) {
        int size = config.pages().pageSize();
        long total = reader.count();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        return Templates.index(reader.newest(current - 1, size), new Paging(current, pages, total));
    }
}
