package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestArticles;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;

/** The search index is the table: inserts, updates and deletes show in the next search. */
@QuarkusTest
class SearchIndexConsistencyTests {

    @Inject
    ArticleService articles;

    private static List<Integer> hits(String q) {
        return given().queryParam("q", q).when().get("/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.articleId", Integer.class);
    }

    /** The RUM index orders matches by date; an article without a date must still be found (last). */
    @Test
    void anArticleWithoutADateIsFound() {
        String marker = "Undatedword" + System.nanoTime() % 100000;
        ArticleDraft draft = new ArticleDraft("test:undated", null, null, null, "Undated " + marker,
                false, null, null, null, "en",
                List.of(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, "No date, but it mentions " + marker + ".")),
                0.9, List.of());
        long id = articles.store(new RawDocument(("raw " + marker).getBytes(), "text/plain", "UTF-8",
                "test:undated"), draft).articleId();
        try {
            assertThat(hits(marker)).containsExactly((int) id);
        } finally {
            TestArticles.removeIfPresent(id);
        }
    }

    @Test
    void searchReflectsInsertUpdateAndDeleteImmediately() {
        String marker = "Quaxolotl" + System.nanoTime() % 100000;
        ArticleDraft draft = new ArticleDraft("test:consistency", null, null, null, "A headline about " + marker,
                false, null, null, Instant.parse("2021-03-01T00:00:00Z"), "en",
                List.of(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, "The body mentions " + marker + " once.")),
                0.9, List.of());
        long id = articles.store(new RawDocument(("raw " + marker).getBytes(), "text/plain", "UTF-8",
                "test:consistency"), draft).articleId();
        try {
            assertThat(hits(marker)).containsExactly((int) id);

            String renamed = "Zephyrant" + System.nanoTime() % 100000;
            QuarkusTransaction.requiringNew().run(() -> {
                Article a = Article.findById(id);
                a.headline = "Now about " + renamed;
            });
            assertThat(hits(renamed)).containsExactly((int) id);

            TestArticles.remove(id);
            assertThat(hits(marker)).isEmpty();
            assertThat(hits(renamed)).isEmpty();
        } finally {
            TestArticles.removeIfPresent(id);
        }
    }
}
