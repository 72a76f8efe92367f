package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestArticles;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;

/**
 * The snippet is cut around the match wherever it is in the body: a match far into a long body must still be
 * the highlighted snippet (a guard for any attempt to save {@code ts_headline} work by bounding the text).
 */
@QuarkusTest
class SearchSnippetTests {

    @Inject
    ArticleService articles;

    /** About 3,000 characters of words that are not the marker. */
    private static String filler() {
        return "The committee met again on Tuesday and discussed the harbour budget at length. ".repeat(38);
    }

    private long store(String marker, String body) {
        ArticleDraft draft = new ArticleDraft("test:snippet:" + marker, null, null, null, "Harbour committee report",
                false, null, null, Instant.parse("2021-04-01T00:00:00Z"), "en",
                List.of(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, body)), 0.9, List.of());
        return articles.store(new RawDocument(("raw " + marker).getBytes(), "text/plain", "UTF-8",
                "test:snippet:" + marker), draft).articleId();
    }

    private static void assertHighlighted(String marker, long id) {
        JsonPath json = given().queryParam("q", marker).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("hits.articleId", Integer.class)).containsExactly((int) id);
        String snippet = json.getString("hits[0].snippet");
        int start = json.getInt("hits[0].highlights[0].start");
        int end = json.getInt("hits[0].highlights[0].end");
        assertThat(snippet.substring(start, end)).isEqualTo(marker);
        assertThat(snippet).doesNotContain("\u0002").doesNotContain("\u0003");
    }

    @Test
    void aMatchBeyondTheFirstCharactersOfALongBodyIsTheSnippet() {
        String marker = "Farword" + System.nanoTime() % 100000;
        String body = filler() + "Only at the very end does it name " + marker + " as the new harbour master.";
        assertThat(body.length()).isGreaterThan(3000);
        long id = store(marker, body);
        try {
            assertHighlighted(marker, id);
        } finally {
            TestArticles.removeIfPresent(id);
        }
    }

    @Test
    void aMatchNearTheStartOfALongBodyIsTheSnippet() {
        String marker = "Nearword" + System.nanoTime() % 100000;
        String body = "It opens by naming " + marker + " as the new harbour master. " + filler();
        long id = store(marker, body);
        try {
            assertHighlighted(marker, id);
        } finally {
            TestArticles.removeIfPresent(id);
        }
    }
}
