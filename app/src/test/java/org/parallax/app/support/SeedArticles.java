package org.parallax.app.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.parallax.core.article.Article;

/** Finds the stored article of a seed file, by the origin the seed loader gives it. */
@ApplicationScoped
public class SeedArticles {

    @Transactional
    public long idOf(String seedName) {
        return Article.<Article>find("sourceDocument.origin", "seed:" + seedName)
                .firstResultOptional()
                .map(a -> a.id)
                .orElseThrow(() -> new AssertionError("seed " + seedName + " was not loaded"));
    }
}
