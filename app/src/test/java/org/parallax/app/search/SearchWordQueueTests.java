package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestSessions;
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

    /** A made-up word of letters only (suggestions look at letters), different in every run. */
    private static String madeUp(String stem) {
        StringBuilder w = new StringBuilder(stem);
        for (long n = System.nanoTime() % 1_000_000_000L; n > 0; n /= 26) {
            w.append((char) ('a' + n % 26));
        }
        return w.toString();
    }

    private static void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = Article.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    /** Removes an article as an editor does, so the story, queues and records follow as they do in use. */
    private static void remove(long id) {
        TestSessions.editor().request().contentType("application/json").body("{\"reason\":\"Not an article\"}")
                .when().post("/api/articles/{id}/removal", id).then().statusCode(200);
    }

    private static String suggestionFor(String q) {
        return given().queryParam("q", q).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath().getString("suggestedWords");
    }

    /**
     * A removed article's words leave the suggestions: "did you mean" offered words no article held any more
     * (V134). The misspelling drops a letter near the start, which a suggestion restores; dropping the last one
     * could leave what the stemmer makes of the word ("...bhee" is stemmed "...bhe"), which finds the article.
     */
    @Test
    void aRemovedArticlesWordsAreNoLongerSuggested() {
        String word = madeUp("quillaborn");
        long id = store("test:words-removed", "Harbour pilots at " + word + " struck on Friday over night shifts.");
        searchWords.drain();
        assertThat(ndoc(word)).isEqualTo(1);
        String typo = word.substring(0, 2) + word.substring(3);
        assertThat(suggestionFor(typo)).isEqualTo(word);

        remove(id);

        assertThat(ndoc(word)).isZero();
        assertThat(suggestionFor(typo)).isNotEqualTo(word);
    }

    /** A corrected headline (or a revision's new body) takes its old words off and counts the new ones. */
    @Test
    void changedTextIsCountedAgain() {
        String before = madeUp("marrowdene");
        String after = madeUp("tollisford");
        long id = store("test:words-changed", "Ferry fares rise again this spring, the operator said.");
        sql("update article set headline = ?1 where id = ?2", "Fares rise at " + before, id);
        searchWords.drain();
        assertThat(ndoc(before)).isEqualTo(1);

        sql("update article set headline = ?1 where id = ?2", "Fares rise at " + after, id);
        assertThat(ndoc(before)).isZero();
        assertThat(queued(id)).isEqualTo(1);
        searchWords.drain();
        assertThat(ndoc(after)).isEqualTo(1);
        assertThat(ndoc("ferry")).isGreaterThanOrEqualTo(1);

        // Writing the same text again, as a whole-row update does beside grouping's story_id, changes no word.
        sql("update article set headline = headline, body = body, story_id = story_id where id = ?1", id);
        assertThat(queued(id)).isZero();
        assertThat(ndoc(after)).isEqualTo(1);
    }

    /** An article removed before its words were counted takes nothing off (no count goes below zero). */
    @Test
    void anArticleRemovedBeforeItsWordsWereCountedTakesNothingOff() {
        String shared = madeUp("pellinwick");
        String own = madeUp("quorranby");
        store("test:words-kept", "Dock workers at " + shared + " voted on the offer.");
        searchWords.drain();
        assertThat(ndoc(shared)).isEqualTo(1);
        searchWords.pause();
        try {
            long id = store("test:words-early", "A second vote at " + shared + " and " + own + " is planned.");
            remove(id);
        } finally {
            searchWords.resume();
        }
        searchWords.drain();
        assertThat(ndoc(shared)).isEqualTo(1);
        assertThat(ndoc(own)).isZero();
    }
}
