package org.parallax.app.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
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

    /** The story a seed's article belongs to. */
    @Transactional
    public long storyOf(String seedName) {
        Article article = Article.findById(idOf(seedName));
        if (article.story == null) {
            throw new AssertionError("seed " + seedName + " is in no story");
        }
        return article.story.id;
    }

    /** The seed numbers ("000".."004") among these article ids; other articles are left out. */
    @Transactional
    public Set<String> namesOf(Collection<Long> articleIds) {
        Set<String> names = new TreeSet<>();
        for (Long id : articleIds) {
            Article a = Article.findById(id);
            if (a != null && a.sourceDocument.origin.startsWith("seed:")) {
                names.add(a.sourceDocument.origin.substring("seed:".length(), "seed:".length() + 3));
            }
        }
        return names;
    }
}
