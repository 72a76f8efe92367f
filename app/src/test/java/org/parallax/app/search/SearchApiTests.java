package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.SeedArticles;

/** Search over the five seeds. Other tests may add articles, so assertions look at the seeds only. */
@QuarkusTest
class SearchApiTests {

    @Inject
    SeedArticles seeds;

    private Set<String> seedHits(String q) {
        JsonPath json = given().queryParam("q", q).queryParam("size", 50)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = json.getList("hits.articleId", Integer.class);
        return seeds.namesOf(ids.stream().map(Integer::longValue).toList());
    }

    @Test
    void phraseFindsTheArticlesThatUseTheWordAndNoOthers() {
        assertThat(seedHits("\"non-interference\"")).containsExactlyInAnyOrder("001", "003", "004");
    }

    /** The words of a phrase in another order, or apart, are not the phrase (the index is asked for the words). */
    @Test
    void aPhraseNeedsItsWordsTogetherAndInOrder() {
        assertThat(seedHits("white house")).contains("000", "001", "002");
        assertThat(seedHits("\"white house\"")).containsExactlyInAnyOrder("000", "001", "002");
        assertThat(seedHits("\"house white\"")).isEmpty();
        assertThat(seedHits("\"house white\" or Derkach")).containsExactly("000");
    }

    @Test
    void nameFindsTheOneArticleThatMentionsIt() {
        assertThat(seedHits("Derkach")).containsExactly("000");
    }

    @Test
    void exclusionDropsArticlesWithTheExcludedWord() {
        assertThat(seedHits("meddling -CrowdStrike")).containsExactlyInAnyOrder("000", "002", "003", "004");
    }

    /**
     * Regression: the query is the OR of its readings under every configuration in use, and the simple
     * reading {@code 'putin' & !'meddling'} let through every English article that says "meddling", whose
     * vector holds the English lexeme {@code meddl}. Every seed says "meddling" or "meddle"; an article is now
     * held to its own language's reading of the exclusion.
     */
    @Test
    void anExclusionHoldsUnderTheArticlesOwnLanguage() {
        assertThat(seedHits("Putin")).containsExactlyInAnyOrder("000", "001", "002", "003", "004");
        assertThat(seedHits("Putin -meddling")).isEmpty();
        assertThat(seedHits("Putin -Ryabkov")).containsExactlyInAnyOrder("000", "001", "003", "004");
    }

    /**
     * Regression (search benchmark): "during" is an English stop word, so under the English configuration
     * the query used to shrink to "not CrowdStrike" and match every article without that word. Only 002
     * says "during"; English articles do not index stop words, so it may or may not be found, but articles
     * without the word must not be.
     */
    @Test
    void aStopWordBesideAnExclusionDoesNotMatchEverythingElse() {
        assertThat(seedHits("during -CrowdStrike")).doesNotContain("000", "001", "003", "004");
    }

    @Test
    void outletFilterInTheQueryNarrowsToThatOutlet() {
        assertThat(seedHits("Putin outlet:\"The Jerusalem Post\"")).containsExactly("003");
        JsonPath json = given().queryParam("q", "Putin").queryParam("outlet", "BuzzFeed News")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("hits.outlet", String.class)).isNotEmpty().containsOnly("BuzzFeed News");
    }

    /** outlet: is looked up by name (any case) before the search, so the planner sees the outlet's id. */
    @Test
    void outletFilterIgnoresCaseAndAnUnknownOutletFindsNothing() {
        assertThat(seedHits("Putin outlet:\"the jerusalem POST\"")).containsExactly("003");
        JsonPath json = given().queryParam("q", "Putin outlet:\"No Such Outlet\"").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("total")).isZero();
        assertThat(json.getBoolean("totalExact")).isTrue();
        assertThat(json.getList("hits")).isEmpty();
        assertThat(json.getList("notes", String.class)).contains("No outlet is named “No Such Outlet”; outlet: takes a "
                + "full name as the Outlet list shows it, such as outlet:\"The Jerusalem Post\".");
        given().queryParam("q", "Putin outlet:Reuter").when().get("/search").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("No outlet is named “Reuter”"));
    }

    @Test
    void smallResultSetsAreCountedExactly() {
        JsonPath json = given().queryParam("q", "\"non-interference\"").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("totalExact")).isTrue();
        assertThat(json.getLong("counted")).isEqualTo(json.getLong("total"));
    }

    @Test
    void misspelledNameSuggestsTheRightSpelling() {
        JsonPath json = given().queryParam("q", "Ryabkof").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("total")).isZero();
        assertThat(json.getString("suggestion")).isEqualTo("Ryabkov");
    }

    @Test
    void snippetsCarryTheMatchedWordAsOffsetsAndNoMarkup() {
        JsonPath json = given().queryParam("q", "Derkach").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        String snippet = json.getString("hits[0].snippet");
        int start = json.getInt("hits[0].highlights[0].start");
        int end = json.getInt("hits[0].highlights[0].end");
        assertThat(snippet.substring(start, end)).isEqualTo("Derkach");
        assertThat(snippet).doesNotContain("<").doesNotContain("\u0002").doesNotContain("\u0003");
    }

    @Test
    void facetsCountOutletsOfTheMatches() {
        JsonPath json = given().queryParam("q", "\"non-interference\"").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> outlets = json.getList("facets.outlets");
        Map<Object, Object> counts = outlets.stream().collect(Collectors.toMap(o -> o.get("key"), o -> o.get("count")));
        assertThat(counts).containsEntry("Antiwar.com", 1).containsEntry("The Jerusalem Post", 1);
    }

    @Test
    void headlineHitsRankAboveBodyOnlyHits() {
        // "NO DEAL" is in 002's headline; nothing else has the phrase there.
        JsonPath json = given().queryParam("q", "Putin election meddling").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        List<Float> scores = json.getList("hits.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void keysetPagingVisitsEveryHitExactlyOnce() {
        JsonPath all = given().queryParam("q", "Putin").queryParam("size", 50).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> expected = all.getList("hits.articleId", Integer.class);
        assertThat(expected.size()).isGreaterThanOrEqualTo(5);

        List<Integer> paged = new java.util.ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("q", "Putin").queryParam("size", 2);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/search").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("hits.articleId", Integer.class));
            after = page.getString("next");
        } while (after != null);
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void hostileQueriesGetAnAnswerNeverA500() {
        for (String q : List.of("\"unbalanced quote", "the of and", "a".repeat(10_000), "Putin\u0000\u0007\u001b[31m",
                "-", "\"\"", "or or or", "outlet:", "from:yesterday", "story:abc", "!!!&&&|||(((")) {
            given().queryParam("q", q).when().get("/api/search").then().statusCode(200);
            given().queryParam("q", q).when().get("/search").then().statusCode(200);
        }
    }

    @Test
    void onlyStopWordsExplainsItself() {
        JsonPath json = given().queryParam("q", "the of and").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("notes", String.class)).anyMatch(n -> n.contains("too common"));
    }

    @Test
    void tamperedCursorFallsBackToTheFirstPage() {
        JsonPath json = given().queryParam("q", "Putin").queryParam("after", "bm90IGEgY3Vyc29y")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("total")).isGreaterThanOrEqualTo(5);
        assertThat(json.getList("notes", String.class)).anyMatch(n -> n.contains("not valid"));
    }

    /**
     * ISO dates PostgreSQL cannot hold ("+999999999-12-31", a year before 4713 BC) used to fail the search
     * with a 500; like any unreadable date they are ignored with a note.
     */
    @Test
    void aDateOutsideTheCalendarIsIgnoredWithANote() {
        for (String date : List.of("from:+999999999-12-31", "to:+999999999-12-31", "from:-5000-01-01",
                "to:+20000-01-01")) {
            JsonPath json = given().queryParam("q", "Derkach " + date).when().get("/api/search")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(seeds.namesOf(json.getList("hits.articleId", Integer.class).stream()
                    .map(Integer::longValue).toList())).as(date).containsExactly("000");
            assertThat(json.getList("notes", String.class)).as(date).anyMatch(n -> n.contains("Ignored " + date));
            given().queryParam("q", "Derkach " + date).when().get("/search").then().statusCode(200);
        }
        JsonPath json = given().queryParam("q", "Derkach").queryParam("from", "-5000-01-01").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("notes", String.class)).anyMatch(n -> n.contains("Ignored from:-5000-01-01"));
    }

    /**
     * A page link whose reference time was edited to one outside PostgreSQL's timestamp range (or Java's)
     * used to fail with a 500; it is treated like any other tampered link.
     */
    @Test
    void aCursorWithAnImpossibleTimeFallsBackToTheFirstPage() {
        for (String reference : List.of("99999999999999999", "9999999999999", "-9999999999999")) {
            String after = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("0.5|1|" + reference).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            JsonPath json = given().queryParam("q", "Putin").queryParam("after", after)
                    .when().get("/api/search").then().statusCode(200).extract().jsonPath();
            assertThat(json.getList("notes", String.class)).as(reference).anyMatch(n -> n.contains("not valid"));
            assertThat(json.getLong("total")).isGreaterThanOrEqualTo(5);
            given().queryParam("q", "Putin").queryParam("after", after).when().get("/search").then().statusCode(200);
        }
    }

    /** A size that is not a number used to answer 404 "There is nothing at /api/search". */
    @Test
    void aSizeThatIsNotANumberIsABadRequestThatSaysSo() {
        given().queryParam("q", "Putin").queryParam("size", "abc").when().get("/api/search").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("size must be a whole number, not “abc”."));
        given().queryParam("q", "Putin").queryParam("size", "3").when().get("/api/search").then().statusCode(200)
                .body("hits.size()", org.hamcrest.Matchers.equalTo(3));
    }

    /**
     * Two outlets, or a from: after the to:, used to be searched without a word: the last outlet alone, and
     * no day at all (0 results).
     */
    @Test
    void contradictoryFiltersAreNotedAndSearchedAsTheNoteSays() {
        JsonPath outlets = given().queryParam("q", "Putin outlet:\"Fox News\" outlet:\"The Jerusalem Post\"")
                .queryParam("size", 50).when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(outlets.getList("notes", String.class))
                .containsExactly("Two outlet: filters; searching outlet:\"The Jerusalem Post\" only.");
        assertThat(outlets.getList("hits.outlet", String.class)).isNotEmpty().containsOnly("The Jerusalem Post");

        JsonPath dates = given().queryParam("q", "Putin from:2020-09-30 to:2020-09-01").queryParam("size", 50)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(dates.getList("notes", String.class))
                .containsExactly("from: is after to:; searching from:2020-09-01 to:2020-09-30 instead.");
        assertThat(seeds.namesOf(dates.getList("hits.articleId", Integer.class).stream().map(Integer::longValue)
                .toList())).contains("003");

        assertThat(given().queryParam("q", "Putin outlet:\"The Jerusalem Post\" outlet:\"the jerusalem post\"")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath().getList("notes"))
                .as("the same outlet twice is no contradiction").isEmpty();
        given().queryParam("q", "Putin from:2020-09-30 to:2020-09-01").when().get("/search").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "from: is after to:; searching from:2020-09-01 to:2020-09-30 instead."));
    }

    /**
     * The API's suggestion used to be the corrected words alone ("Ryabkov"), so a client that sent it back
     * as q searched every outlet again; the page's link already kept the filters.
     */
    @Test
    void theSuggestionIsAWholeQueryThatKeepsTheFiltersWrittenInQ() {
        JsonPath json = given().queryParam("q", "Ryabkof outlet:\"BuzzFeed News\" from:2017-01-01")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("suggestion")).isEqualTo("Ryabkov outlet:\"BuzzFeed News\" from:2017-01-01");
        assertThat(json.getString("suggestedWords")).isEqualTo("Ryabkov");
        String openapi = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("suggestedWords").contains("to send back as q");
    }

    @Inject
    org.parallax.core.article.ArticleService articles;

    @Inject
    org.parallax.core.search.SearchWordWorker searchWords;

    private void store(String text) {
        String name = "test:suggest-" + java.util.UUID.randomUUID();
        String body = text + " " + org.parallax.app.support.MadeUpWords.words(12) + ".";
        var draft = new org.parallax.core.article.ArticleDraft(name, null, null, null, "Suggestion " + name, false,
                null, null, java.time.Instant.parse("2022-06-01T10:00:00Z"), "en",
                List.of(new org.parallax.core.article.ArticleDraft.Block(
                        org.parallax.core.article.ParagraphKind.PARAGRAPH, body)), 0.9, List.of());
        articles.store(new org.parallax.core.article.RawDocument(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain", "UTF-8", name), draft);
    }

    /**
     * "putn" used to suggest "put": trigram similarity alone favours the shorter word, which shares more of
     * its trigrams, and "put" is in more articles. Both are one edit away; "putin" keeps every letter typed.
     * Made-up words stand in for the pair so the test does not depend on what else is stored.
     */
    @Test
    void aMissedLetterIsSuggestedOverDroppingATypedOneEvenWhenTheShorterWordIsCommoner() {
        String root = org.parallax.app.support.MadeUpWords.words(1).substring(0, 6);
        store("The " + root + " was noted at the harbour.");
        store("Another " + root + " came on Tuesday.");
        store("A third " + root + " is expected.");
        store("Only one article names " + root + "in at all.");
        searchWords.drain();

        JsonPath json = given().queryParam("q", root + "n").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("total")).isZero();
        assertThat(json.getString("suggestion")).isEqualTo(root + "in");
    }

    /** "Putin outlet:" searched for the word "outlet" too, found nothing and suggested "Putin out:". */
    @Test
    void aFilterNameWithNothingAfterItIsIgnoredWithANoteAndNeverSpellChecked() {
        JsonPath json = given().queryParam("q", "Putin outlet:").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("total")).isGreaterThanOrEqualTo(5);
        assertThat(json.getString("suggestion")).isNull();
        assertThat(json.getList("notes", String.class))
                .containsExactly("Ignored outlet: with nothing after it (as in outlet:\"The Jerusalem Post\").");

        JsonPath unknown = given().queryParam("q", "Ryabkof source:").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(unknown.getString("suggestion")).as("a word before a colon is syntax, not a misspelling")
                .isEqualTo("Ryabkov source:");
    }
}
