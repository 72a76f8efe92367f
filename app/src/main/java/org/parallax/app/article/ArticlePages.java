package org.parallax.app.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parallax.app.web.MissingResource;

@Path("/articles")
public class ArticlePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(ArticleView article);
    }

    private final ArticleReader reader;

    public ArticlePages(ArticleReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance article(@PathParam("id") long id) {
        return Templates.article(reader.find(id).orElseThrow(() -> new MissingResource("No article " + id)));
    }

    /**
     * The input exactly as received. Served as plain text under a sandboxing CSP, so an original HTML
     * page is shown as its source and can never run in Parallax's origin.
     */
    @GET
    @Path("/{id}/original")
    public Response original(@PathParam("id") long id) {
        OriginalDocument original = reader.original(id).orElseThrow(() -> new MissingResource("No article " + id));
        return Response.ok(original.content())
                .type("text/plain; charset=utf-8")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .build();
    }
}
