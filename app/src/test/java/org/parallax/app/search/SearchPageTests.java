package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.SeedArticles;

@QuarkusTest
class SearchPageTests {

    @Inject
    SeedArticles seeds;

    @Test
    void resultPageHighlightsMatchesSafelyAndLinksToTheFirstHit() {
        String html = given().queryParam("q", "Derkach").when().get("/search")
                .then().statusCode(200).extract().asString();
        long id = seeds.idOf("000_ed82de3322cf4176.txt");
        assertThat(html)
                .contains("<title>Search: Derkach · Parallax</title>")
                .contains("<mark>Derkach</mark>")
                .contains("href=\"/articles/" + id + "?q=Derkach#first-hit\"")
                .containsPattern("\\d+ results?</h2>");
    }

    /**
     * Articles of one story are one result, the others listed under it. The seed story's three matches come
     * from Antiwar.com, The Jerusalem Post and an article that names no outlet: not "3 outlets".
     */
    @Test
    void matchesOfOneStoryAreOneResultWithTheOtherOutletsUnderIt() {
        Document page = Jsoup.parse(given().queryParam("q", "\"non-interference\"").when().get("/search")
                .then().statusCode(200).extract().asString());
        List<String> seedLinks = java.util.stream.Stream.of("001_3d7b2ec1440a76b5.txt", "003_67f9020dfa8c06b0.txt",
                "004_c8d6d7f66c761050.txt").map(seeds::idOf).map(id -> "/articles/" + id + "?").toList();
        Elements groups = page.select("li.hit").stream()
                .filter(hit -> seedLinks.stream().anyMatch(link -> hit.select("a[href^=" + link + "]").size() > 0))
                .collect(java.util.stream.Collectors.toCollection(Elements::new));

        assertThat(groups).hasSize(1);
        assertThat(groups.select(".hit__more li")).hasSize(2);
        assertThat(groups.select(".hit__outlets").text()).isEqualTo("3 articles from 2 outlets");
        assertThat(groups.text()).contains("Unknown outlet");
    }

    @Test
    void markupInTheQueryIsShownAsText() {
        String html = given().queryParam("q", "<script>alert(1)</script>").when().get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void misspellingOffersAClickableSuggestion() {
        String html = given().queryParam("q", "Ryabkof").when().get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("Did you mean <a href=\"/search?q=Ryabkov\">Ryabkov</a>?");
    }

    /** The suggestion's link used to be the corrected words alone, dropping the filters the search had. */
    @Test
    void aSuggestionKeepsTheFiltersOfTheSearch() {
        String html = given().queryParam("q", "Ryabkof outlet:\"BuzzFeed News\" from:2017-01-01").when().get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("Did you mean <a href=\"/search?q=Ryabkov+outlet%3A%22BuzzFeed+News%22+from%3A2017-01-01\">"
                + "Ryabkov</a>?");
    }

    @Test
    void articleOpenedFromSearchMarksTheMatchesAndAnchorsTheFirst() {
        long id = seeds.idOf("000_ed82de3322cf4176.txt");
        String html = given().queryParam("q", "Derkach").when().get("/articles/{id}", id)
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("<span id=\"first-hit\" class=\"anchor\"></span>").contains("<mark>Derkach</mark>");
        assertThat(html.indexOf("id=\"first-hit\"")).isLessThan(html.indexOf("<mark>Derkach</mark>"));
    }

    @Test
    void facetLinksAddTheFilterToTheQuery() {
        String html = given().queryParam("q", "\"non-interference\"").when().get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("outlet%3A%22The+Jerusalem+Post%22");
    }
}
