package org.parallax.app.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.parallax.app.web.MissingResource;
import org.parallax.app.web.RemovedResource;
import org.parallax.app.web.TemplateExtensions;
import org.parallax.core.article.ArticleRemovals;

/**
 * What to answer for an article id with no article: 410 with who removed it (like the corrections, editors
 * answer for it by name; "an editor" once the account is deleted), when and why, when an editor removed it (links to it live on in notes, exports and bookmarks); otherwise 404.
 */
@ApplicationScoped
public class MissingArticles {

    private final ArticleRemovals removals;

    public MissingArticles(ArticleRemovals removals) {
        this.removals = removals;
    }

    /** Whether an editor removed the article with this id. */
    public boolean wasRemoved(long id) {
        return !removals.removals(id).isEmpty();
    }

    public RuntimeException of(long id) {
        return removals.removals(id).stream().findFirst()
                .<RuntimeException>map(r -> new RemovedResource("Article " + id + ", “" + r.headline() + "”, " + removedBy(r)))
                .orElseGet(() -> new MissingResource("No article " + id));
    }

    /** "was removed by the editor ana on 24 November 2026: not an article". */
    public static String removedBy(ArticleRemovals.Removal r) {
        return "was removed by " + (r.editor() == null ? "an editor" : "the editor " + r.editor()) + " on "
                + TemplateExtensions.day(r.at()) + ": " + r.reason();
    }
}
