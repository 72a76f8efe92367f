package org.parallax.bench;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.alignment.AlignableArticle;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleText;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.Input;
import org.parallax.seeds.Seeds;

/** The seed story (000, 001, 003, 004) with the bodies the ingest path stores. */
final class SeedStory {

    private SeedStory() {
    }

    static List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        for (String name : Seeds.names()) {
            if (name.startsWith("002")) {
                continue; // the 2017 talks: another story
            }
            ArticleDraft draft = Extraction.standard().extract(new Input(name, Seeds.byName(name).content())).get(0).article();
            bodies.add(ArticleText.body(draft.paragraphs()));
        }
        return bodies;
    }

    static List<AlignableArticle> articles(List<String> bodies) {
        List<AlignableArticle> articles = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            articles.add(AlignableArticle.of(i + 1, bodies.get(i)));
        }
        return articles;
    }
}
