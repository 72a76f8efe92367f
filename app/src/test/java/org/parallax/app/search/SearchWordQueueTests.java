package org.parallax.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.core.search.SearchWordWorker;

/** Suggestion words are counted behind ingest, in batches, and exactly: one document per article. */
@QuarkusTest
class SearchWordQueueTests {

    @Inject
    ArticleService articles;

    @Inject
    SearchWordWorker searchWords;

    private long store(String name, String text) {
        ArticleDraft draft = new ArticleDraft(name, null, null, null, "Word count " + name, false, null, null,
                Instant.parse("2022-06-01T10:00:00Z"), "en",
                List.of(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text)), 0.9, List.of());
        return articles.store(new RawDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain", "UTF-8", name),
                draft).articleId();
    }

    private static long ndoc(String word) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Article.getEntityManager().createNativeQuery("select ndoc from search_word where word = ?1")
                    .setParameter(1, word).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
        });
    }

    private static long queued(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Article.getEntityManager()
                .createNativeQuery("select count(*) from search_word_queue where article_id = ?1")
                .setParameter(1, articleId).getSingleResult()).longValue());
    }

    @Test
    void wordsOfStoredArticlesAreCountedOncePerArticleWhenTheQueueIsDrained() {
        String word = "glimmerfax" + (System.nanoTime() % 100000);
        searchWords.pause();
        try {
            long first = store("test:words-1", "The " + word + " plant in Tarrow reopened on Monday; " + word
                    + " workers returned to the line.");
            long second = store("test:words-2", "Union leaders at " + word + " welcomed the reopening.");

            assertThat(queued(first)).isEqualTo(1);
            assertThat(queued(second)).isEqualTo(1);
            assertThat(ndoc(word)).as("not counted while the worker is paused").isZero();

            assertThat(searchWords.drain()).isGreaterThanOrEqualTo(2);

            assertThat(ndoc(word)).as("two articles, though the first names it twice").isEqualTo(2);
            assertThat(queued(first) + queued(second)).isZero();
            assertThat(ndoc("tarrow")).isGreaterThanOrEqualTo(1);
        } finally {
            searchWords.resume();
        }
    }
}
