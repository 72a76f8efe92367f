package org.parallax.app.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.parallax.core.article.Article;

/** What a test sees of grouping from outside: the story an article is in, as committed. */
public final class StoryMembership {

    private StoryMembership() {
    }

    /** The article's story, or null while it is not grouped; read in a transaction of its own. */
    public static Long storyOf(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = Article.findById(articleId);
            return article.story == null ? null : article.story.id;
        });
    }
}
