package org.parallax.app.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.MadeUpWords;
import org.parallax.app.support.SeedArticles;
import org.parallax.app.support.TestSessions;
import org.parallax.core.article.Article;

@QuarkusTest
class ArticlePagesTests {

    @Inject
    SeedArticles seeds;

    @Test
    void readerShowsTheBodyWithoutScrapedBoilerplate() {
        long id = seeds.idOf("000_ed82de3322cf4176.txt");
        String html = given().when().get("/articles/{id}", id)
                .then().statusCode(200).extract().asString();
        assertThat(html)
                .contains("<h1 class=\"reader__headline\">Putin Asked Trump For A Mutual Ban On Election Interference.")
                .contains("In a surprising and somewhat cryptic statement posted to the Kremlin’s site")
                .contains("BuzzFeed News")
                .doesNotContain("Skip to footer")
                .doesNotContain("Topics in this article");
    }

    @Test
    void readerLeavesOutNavigationCaptionsAndCredits() {
        long id = seeds.idOf("003_67f9020dfa8c06b0.txt");
        String body = given().when().get("/articles/{id}", id)
                .then().statusCode(200).extract().asString();
        assertThat(body)
                .contains("By Reuters")
                .contains("President Vladimir Putin called on Friday for an agreement")
                .doesNotContain("Coronavirus Israel News WORLD NEWS")
                .doesNotContain("photo credit")
                .doesNotContain("attends an interview with Al Arabiya");
    }

    @Test
    void articleTextNeverBecomesMarkup() {
        long id = seeds.idOf("003_67f9020dfa8c06b0.txt");
        given().when().get("/articles/{id}", id)
                .then().statusCode(200)
                .body(containsString("each other&#39;s election"));
    }

    @Test
    void derivedHeadlineAndUnknownOutletAreShownAsSuch() {
        long id = seeds.idOf("004_c8d6d7f66c761050.txt");
        given().when().get("/articles/{id}", id)
                .then().statusCode(200)
                .body(containsString("Headline derived from the lead"))
                .body(containsString("Unknown outlet"))
                .body(containsString("<h2 id=\"p"))
                .body(containsString("Russian Meddling 2.0</h2>"));
    }

    @Test
    void passagesSharedWithTheStoryOrUniqueToTheArticleAreMarked() {
        long id = seeds.idOf("001_3d7b2ec1440a76b5.txt");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(given().when().get("/articles/{id}", id)
                .then().statusCode(200).extract().asString());
        org.jsoup.nodes.Element crowdstrike = page.select(".reader__body .passage").stream()
                .filter(p -> p.text().contains("CrowdStrike")).findFirst().orElseThrow();
        assertThat(crowdstrike.className()).contains("passage--unique");
        assertThat(crowdstrike.attr("title")).isEqualTo("Only this article carries this passage");
        org.jsoup.nodes.Element official = page.select(".reader__body .passage").stream()
                .filter(p -> p.text().contains("A good starting point for discussion")).findFirst().orElseThrow();
        assertThat(official.className()).contains("passage--verbatim");
        assertThat(official.attr("title")).contains("BuzzFeed News (verbatim)");
        // Offsets address the stored body: the API's body has the passage's text at exactly these offsets.
        String body = given().when().get("/api/articles/{id}", id).then().statusCode(200).extract().path("body");
        int start = Integer.parseInt(official.attr("data-start"));
        int end = Integer.parseInt(official.attr("data-end"));
        assertThat(official.attr("data-article")).isEqualTo(String.valueOf(id));
        assertThat(official.text()).contains(body.substring(start, end).strip());
        assertThat(official.nextElementSibling().attr("href"))
                .startsWith("/stories/").contains("/compare?articles=" + id + ",");
        assertThat(page.select(".provenance").text())
                .contains("In the story").contains("Extraction confidence").contains("no publication date found");
    }

    @Test
    void originalIsServedExactlyAsReceivedAndInert() {
        long id = seeds.idOf("002_eb18d5e91bb62d37.txt");
        byte[] original = given().when().get("/articles/{id}/original", id)
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(containsString("text/plain"))
                .extract().asByteArray();
        assertThat(original).isEqualTo(org.parallax.seeds.Seeds.byName("002_eb18d5e91bb62d37.txt").content());
    }

    @Test
    void originalIsServedInTheEncodingItWasReadWith() {
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        String windowsHeadline = "Kremlin’s offer " + nonce;
        String utf16Headline = "Кремль предлагает " + nonce;
        String body = "\n\nThe Kremlin’s statement was published on Friday and repeated by the foreign ministry. "
                + "Officials in Washington said the offer came too late to matter: " + MadeUpWords.words(40) + ".";
        byte[] windows1252 = (windowsHeadline + body).getBytes(Charset.forName("windows-1252"));
        byte[] utf16 = ("{\"title\":\"" + utf16Headline + "\",\"body\":\"Министерство иностранных дел повторило "
                + "заявление Кремля в пятницу. В Вашингтоне сказали, что предложение пришло слишком поздно: " + MadeUpWords.words(40) + ".\"}\n")
                .getBytes(StandardCharsets.UTF_16LE);
        TestSessions.editor().request()
                .multiPart("file", "windows.txt", windows1252, "text/plain")
                .multiPart("file", "articles.jsonl", utf16, "application/octet-stream")
                .when().post("/api/ingest")
                .then().statusCode(200).body("created", org.hamcrest.Matchers.equalTo(2));

        assertOriginal(windowsHeadline, windows1252, "windows-1252");
        // A JSON Lines record's original is its line, without the line end (two bytes in UTF-16)
        assertOriginal(utf16Headline, java.util.Arrays.copyOf(utf16, utf16.length - 2), "utf-16le");
    }

    private static void assertOriginal(String headline, byte[] exactly, String charset) {
        long id = QuarkusTransaction.requiringNew().call(() ->
                Article.<Article>find("headline", headline).firstResult().id);
        Response original = given().when().get("/articles/{id}/original", id);
        original.then().statusCode(200).contentType("text/plain; charset=" + charset);
        // The same bytes, announced in the encoding that turns them back into the headline ingest read.
        byte[] served = original.asByteArray();
        assertThat(served).isEqualTo(exactly);
        assertThat(new String(served, Charset.forName(charset))).contains(headline);
    }

    @Test
    void unknownArticleGetsAFriendly404Page() {
        given().accept("text/html").when().get("/articles/{id}", 987654321)
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Not found · Parallax</title>"))
                .body(containsString("No article 987654321"));
    }

    @Test
    void unknownPathGetsTheSame404Page() {
        given().accept("text/html").when().get("/no/such/page")
                .then().statusCode(404)
                .body(containsString("There is nothing at /no/such/page."));
    }

    @Test
    void malformedIdIsNotAServerError() {
        given().accept("text/html").when().get("/articles/not-a-number")
                .then().statusCode(404);
    }
}
