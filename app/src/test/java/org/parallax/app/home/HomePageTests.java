package org.parallax.app.home;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.SeedArticles;

@QuarkusTest
class HomePageTests {

    @Inject
    SeedArticles seeds;


    /** Where a story is listed: its page and its place on it (other tests add stories of their own). */
    private record Listed(Element card, int page, int place) {
        boolean before(Listed other) {
            return page < other.page || page == other.page && place < other.place;
        }
    }

    private Listed find(long storyId) {
        for (int number = 1; number <= 100; number++) {
            Document page = Jsoup.parse(given().queryParam("page", number).when().get("/")
                    .then().statusCode(200).extract().asString());
            var cards = page.select(".story-card");
            for (int i = 0; i < cards.size(); i++) {
                if (cards.get(i).select("a[href=\"/stories/" + storyId + "\"]").size() == 1) {
                    return new Listed(cards.get(i), number, i);
                }
            }
            if (page.select(".pager a[rel=next]").isEmpty()) {
                break;
            }
        }
        throw new AssertionError("story " + storyId + " is not listed");
    }

    @Test
    void listsStoriesWithTitleOutletsTimeSpanAndLead() {
        given().when().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Parallax: stories</title>"));
        Listed putinListed = find(seeds.storyOf("001_3d7b2ec1440a76b5.txt"));
        Element putin = putinListed.card();
        assertThat(putin.select(".story-card__title").text()).isEqualTo("Putin Calls For Mutual Ban on Election Meddling With US");
        assertThat(putin.select(".outlets").text())
                .contains("The Jerusalem Post").contains("BuzzFeed News").contains("Antiwar.com");
        // The fifth seed names no outlet: it is not counted as one, as on the story page ("4 articles from 3 outlets").
        assertThat(putin.select(".outlet-count").text()).isEqualTo("3 outlets:");
        assertThat(putin.select(".unknown-outlets").text()).isEqualTo(", and 1 article from an unknown outlet");
        assertThat(putin.select(".meta").text()).endsWith("· 4 articles");
        assertThat(putin.select("time").attr("datetime")).isEqualTo("2020-09-25");
        assertThat(putin.select(".story-card__lead").text()).isNotBlank();
        Listed talksListed = find(seeds.storyOf("002_eb18d5e91bb62d37.txt"));
        Element talks = talksListed.card();
        assertThat(talks.select(".story-card__title").text())
                .isEqualTo("NO DEAL: How Secret Talks With Russia To Prevent Election Meddling Collapsed");
        assertThat(talks.text()).contains("1 outlet:").contains("BuzzFeed News").contains("no publication date");
        // The dated story comes before the undated one: newest first, undated last.
        assertThat(putinListed.before(talksListed)).as("the dated story is listed before the undated one").isTrue();
    }

    @Test
    void searchBoxNarrowsTheStories() {
        Document page = Jsoup.parse(given().queryParam("q", "CrowdStrike").when().get("/")
                .then().statusCode(200).extract().asString());
        assertThat(page.select("#story-q").attr("value")).isEqualTo("CrowdStrike");
        assertThat(page.select(".story-card__title").eachText())
                .contains("Putin Calls For Mutual Ban on Election Meddling With US")
                .doesNotContain("NO DEAL: How Secret Talks With Russia To Prevent Election Meddling Collapsed");
        given().queryParam("q", "zzqxjv").when().get("/").then().statusCode(200)
                .body(containsString("No story matches “zzqxjv”"));
    }

    @Test
    void controlCharactersInTheStorySearchAreDroppedNotAnError() {
        // A NUL byte once reached PostgreSQL, which refuses it in any text: a 500.
        given().urlEncodingEnabled(false).queryParam("q", "Crowd%00Strike%07").when().get("/").then().statusCode(200);
        Document words = Jsoup.parse(given().urlEncodingEnabled(false).queryParam("q", "%00CrowdStrike").when().get("/")
                .then().statusCode(200).extract().asString());
        assertThat(words.select(".story-card__title").eachText())
                .contains("Putin Calls For Mutual Ban on Election Meddling With US");
    }

    @Test
    void pageIsProperHtml5WithLanguageAndNoInlineHandlers() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("href=\"#main\""))
                .body(not(containsString("onclick=")))
                .body(not(containsString("onload=")));
    }

    @Test
    void outOfRangePageFallsBackToTheLastPage() {
        Document page = Jsoup.parse(given().queryParam("page", 999).when().get("/")
                .then().statusCode(200).extract().asString());
        assertThat(page.select(".story-card")).isNotEmpty();
        Element pager = page.selectFirst(".pager span");
        if (pager != null) {
            String[] numbers = pager.text().replaceAll("[^0-9 ]", "").trim().split("\\s+");
            assertThat(numbers[0]).isEqualTo(numbers[1]);
            assertThat(page.select("a[rel=next]")).isEmpty();
        }
    }

    @Test
    void aPageNumberThatIsNotANumberIsExplainedNotCalledMissing() {
        Document page = Jsoup.parse(given().accept("text/html").queryParam("page", "abc").when().get("/")
                .then().statusCode(400).extract().asString());
        assertThat(page.select("main").text()).contains("page must be a whole number, not “abc”.")
                .doesNotContain("There is nothing at");
    }
}
