package org.parallax.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestSessions;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.core.story.StoryAssignmentWorker;
import org.parallax.core.story.StoryEvent;

/**
 * Editors merge and split stories through the JSON API and the story page's forms; later automatic
 * assignment respects what they decided. Every article here carries a made-up reference word of its own, so that a re-run against the
 * same database stores new articles instead of finding the previous run's.
 */
@QuarkusTest
class StoryEditingApiTests {

    private static final Instant DAY = Instant.parse("2022-05-10T08:00:00Z");
    private static final Random RANDOM = new Random();

    @Inject
    ArticleService articles;

    @Inject
    StoryAssignmentWorker grouping;

    /**
     * Made-up words standing for one event's places, people and things, drawn afresh for every test: the
     * stories of one test (or of an earlier run on the same database) share no telling word with another's.
     */
    private record Topic(List<String> words) {
        static Topic fresh() {
            return new Topic(java.util.stream.IntStream.range(0, 14).mapToObj(i -> nonce()).toList());
        }

        String w(int i) {
            return words.get(i);
        }

        String name(int i) {
            return Character.toUpperCase(words.get(i).charAt(0)) + words.get(i).substring(1);
        }

        String quote() {
            return "We will not " + w(5) + " again until the " + w(6) + " of " + name(0) + " are " + w(7)
                    + " what the " + w(8) + " owes them";
        }
    }

    /** One report of the topic's event; reports share the quote and most words, each adds its own detail. */
    private long report(Topic topic, int variant) {
        String detail = nonce() + " " + nonce() + " " + nonce();
        return store(topic.name(0) + " " + topic.w(1) + " " + topic.w(2) + " over " + topic.w(3) + " (" + variant + ")",
                "The " + topic.w(1) + " of " + topic.name(0) + " " + topic.w(2) + " on Monday, leaving the "
                        + topic.w(4) + " " + topic.w(9) + ", in a dispute over " + topic.w(3) + " and " + topic.w(10) + ".",
                "“" + topic.quote() + ",” " + topic.name(11) + " " + topic.name(12) + " said.",
                "The " + topic.w(13) + " of the " + topic.w(8) + " " + detail + ".");
    }

    private long store(String headline, String... paragraphs) {
        List<String> texts = Arrays.asList(paragraphs.clone());
        String source = "test:edit-" + nonce();
        List<ArticleDraft.Block> blocks = texts.stream()
                .map(text -> new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text)).toList();
        ArticleDraft draft = new ArticleDraft(source, null, null, null, headline, false, null, null, DAY, "en", blocks,
                0.9, List.of());
        RawDocument raw = new RawDocument(String.join("\n", texts).getBytes(StandardCharsets.UTF_8), "text/plain",
                "UTF-8", source);
        long id = articles.store(raw, draft).articleId();
        // Grouping follows ingest in the background; the editing tests start from a grouped article.
        grouping.drain();
        return id;
    }

    private static String nonce() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static long storyOf(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).story.id);
    }

    private static List<Long> articleIds(JsonPath story) {
        return story.getList("articles.id", Long.class);
    }

    @Test
    void anEditorMergesAStoryAndLaterArrivalsKeepItMerged() {
        Topic ferry = Topic.fresh();
        long frost = report(Topic.fresh(), 1);
        long first = report(ferry, 1);
        long second = report(ferry, 2);
        long strike = storyOf(first);
        long orchardStory = storyOf(frost);
        assertThat(storyOf(second)).isEqualTo(strike);
        assertThat(orchardStory).isNotEqualTo(strike);

        TestSessions.Session editor = TestSessions.editor();
        JsonPath merged = editor.request().contentType("application/json").body("{\"story\": " + orchardStory + "}")
                .when().post("/api/stories/{id}/merge", strike)
                .then().statusCode(200).extract().jsonPath();
        assertThat(merged.getLong("id")).isEqualTo(strike);
        assertThat(articleIds(merged)).containsExactlyInAnyOrder(first, second, frost);
        assertThat(merged.getInt("articleCount")).isEqualTo(3);
        // Links to the story merged away lead to the story it is part of now.
        given().redirects().follow(false).get("/api/stories/{id}", orchardStory).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/stories/" + strike));
        given().redirects().follow(false).accept("text/html").get("/stories/{id}", orchardStory).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/stories/" + strike));

        // Alignment was recomputed for the merged story: the frost report has no counterpart, so it is unique.
        JsonPath alignment = given().get("/api/stories/{id}/alignment", strike).then().statusCode(200)
                .extract().jsonPath();
        assertThat(alignment.getList("unique.article", Long.class)).contains(frost);
        assertThat(alignment.getList("links.a.article", Long.class)).doesNotContain(frost);
        QuarkusTransaction.requiringNew().run(() -> assertThat(StoryEvent.history(strike))
                .anySatisfy(event -> {
                    assertThat(event.kind).isEqualTo("merged");
                    assertThat(event.otherStoryId).isEqualTo(orchardStory);
                    assertThat(event.actor).isEqualTo(editor.username());
                }));

        // A new strike article joins the story; nothing links the frost report to it but the editor's decision.
        long third = report(ferry, 3);
        assertThat(storyOf(third)).isEqualTo(strike);
        assertThat(storyOf(frost)).isEqualTo(strike);
    }

    @Test
    void anEditorSplitsArticlesOffAndLaterArrivalsDoNotMergeThemBack() {
        Topic ferry = Topic.fresh();
        long first = report(ferry, 1);
        long second = report(ferry, 2);
        long third = report(ferry, 3);
        long strike = storyOf(first);
        assertThat(List.of(storyOf(second), storyOf(third))).containsOnly(strike);

        TestSessions.Session editor = TestSessions.editor();
        var response = editor.request().contentType("application/json").body("{\"articles\": [" + third + "]}")
                .when().post("/api/stories/{id}/split", strike)
                .then().statusCode(201).extract();
        JsonPath created = response.jsonPath();
        long promise = created.getLong("id");
        assertThat(response.header("Location")).endsWith("/api/stories/" + promise);
        assertThat(articleIds(created)).containsExactly(third);
        assertThat(created.getList("related.id", Long.class)).contains(strike);
        JsonPath rest = given().get("/api/stories/{id}", strike).then().statusCode(200).extract().jsonPath();
        assertThat(articleIds(rest)).containsExactlyInAnyOrder(first, second);

        // Each story's alignment now stays inside it: the quote's links remain, none reaches the split article.
        JsonPath alignment = given().get("/api/stories/{id}/alignment", strike).then().statusCode(200)
                .extract().jsonPath();
        assertThat(alignment.getList("links.a.article", Long.class)).isNotEmpty().doesNotContain(third);
        assertThat(alignment.getList("links.b.article", Long.class)).doesNotContain(third);
        assertThat(given().get("/api/stories/{id}/alignment", promise).then().statusCode(200).extract().jsonPath()
                .getList("links")).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> assertThat(StoryEvent.history(strike))
                .anySatisfy(event -> {
                    assertThat(event.kind).isEqualTo("split");
                    assertThat(event.otherStoryId).isEqualTo(promise);
                    assertThat(event.actor).isEqualTo(editor.username());
                }));

        // The next article quotes the steward like all of them: it joins one part and leaves the split standing.
        long fourth = report(ferry, 4);
        assertThat(storyOf(fourth)).isIn(strike, promise);
        assertThat(storyOf(third)).isEqualTo(promise);
        assertThat(storyOf(first)).isEqualTo(strike).isEqualTo(storyOf(second));
    }

    @Test
    void anEditorSplitsAndMergesWithTheStoryPageForms() {
        Topic ferry = Topic.fresh();
        long first = report(ferry, 1);
        long second = report(ferry, 2);
        long third = report(ferry, 3);
        long strike = storyOf(first);
        TestSessions.Session editor = TestSessions.editor();
        String page = given().filter(editor.cookies()).get("/stories/{id}", strike).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Correct the grouping").contains("action=\"/stories/" + strike + "/split\"")
                .contains("name=\"articles\" value=\"" + third + "\"");

        String location = given().filter(editor.cookies()).redirects().follow(false)
                .formParam("csrf-token", editor.csrfToken()).formParam("articles", third)
                .post("/stories/{id}/split", strike).then().statusCode(303).extract().header("Location");
        long promise = storyOf(third);
        assertThat(promise).isNotEqualTo(strike);
        assertThat(location).endsWith("/stories/" + promise);
        assertThat(storyOf(first)).isEqualTo(strike).isEqualTo(storyOf(second));

        // Merged back by its address, as copied from the browser.
        String back = given().filter(editor.cookies()).redirects().follow(false)
                .formParam("csrf-token", editor.csrfToken()).formParam("story", "http://localhost/stories/" + promise)
                .post("/stories/{id}/merge", strike).then().statusCode(303).extract().header("Location");
        assertThat(back).endsWith("/stories/" + strike);
        assertThat(storyOf(third)).isEqualTo(strike);
        given().redirects().follow(false).get("/api/stories/{id}", promise).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/stories/" + strike));
        QuarkusTransaction.requiringNew().run(() -> assertThat(StoryEvent.history(strike))
                .extracting(event -> event.kind + " by " + event.actor)
                .contains("split by " + editor.username(), "merged by " + editor.username()));
    }

    @Test
    void theStoryPageFormsExplainWhatWentWrongAndAreForEditorsOnly() {
        long first = report(Topic.fresh(), 1);
        long strike = storyOf(first);
        TestSessions.Session editor = TestSessions.editor();
        given().filter(editor.cookies()).accept("text/html").formParam("csrf-token", editor.csrfToken())
                .formParam("story", "the ferry one").post("/stories/{id}/merge", strike)
                .then().statusCode(400).body(containsString("Give the number of the story to merge into this one"));
        given().filter(editor.cookies()).accept("text/html").formParam("csrf-token", editor.csrfToken())
                .formParam("story", String.valueOf(strike)).post("/stories/{id}/merge", strike)
                .then().statusCode(400).body(containsString("cannot be merged into itself"));
        given().filter(editor.cookies()).accept("text/html").formParam("csrf-token", editor.csrfToken())
                .post("/stories/{id}/split", strike)
                .then().statusCode(400).body(containsString("Tick the articles to move into a new story."));

        TestSessions.Session reader = TestSessions.reader();
        assertThat(given().filter(reader.cookies()).get("/stories/{id}", strike).then().statusCode(200)
                .extract().asString()).doesNotContain("Correct the grouping");
        given().filter(reader.cookies()).accept("text/html").formParam("csrf-token", reader.csrfToken())
                .formParam("articles", first).post("/stories/{id}/split", strike).then().statusCode(403);
        assertThat(storyOf(first)).isEqualTo(strike);
    }

    @Test
    void theEndpointsAreInTheApiDescription() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/stories/{id}/merge:"))
                .body(containsString("/api/stories/{id}/split:"))
                .body(containsString("SplitRequest"));
    }

    @Test
    void onlyEditorsMayMergeOrSplit() {
        long first = report(Topic.fresh(), 1);
        long strike = storyOf(first);
        given().contentType("application/json").body("{\"story\": " + strike + "}")
                .when().post("/api/stories/{id}/merge", strike).then().statusCode(401);
        given().contentType("application/json").body("{\"articles\": [" + first + "]}")
                .when().post("/api/stories/{id}/split", strike).then().statusCode(401);
        TestSessions.Session reader = TestSessions.reader();
        reader.request().contentType("application/json").body("{\"story\": " + strike + "}")
                .when().post("/api/stories/{id}/merge", strike).then().statusCode(403);
        reader.request().contentType("application/json").body("{\"articles\": [" + first + "]}")
                .when().post("/api/stories/{id}/split", strike).then().statusCode(403);
    }

    @Test
    void anEditRequestWithoutTheCsrfTokenIsRejected() {
        long frost = report(Topic.fresh(), 1);
        long first = report(Topic.fresh(), 1);
        TestSessions.Session editor = TestSessions.editor();
        given().filter(editor.cookies()).contentType("application/json").body("{\"story\": " + storyOf(frost) + "}")
                .when().post("/api/stories/{id}/merge", storyOf(first)).then().statusCode(oneOf(400, 403));
        assertThat(storyOf(frost)).isNotEqualTo(storyOf(first));
    }

    @Test
    void unknownStoriesAreNotFoundAndBadRequestsSayWhatIsWrong() {
        Topic ferry = Topic.fresh();
        long first = report(ferry, 1);
        long second = report(ferry, 2);
        long frost = report(Topic.fresh(), 1);
        long strike = storyOf(first);
        TestSessions.Session editor = TestSessions.editor();
        editor.request().contentType("application/json").body("{\"story\": " + strike + "}")
                .when().post("/api/stories/{id}/merge", Long.MAX_VALUE).then().statusCode(404);
        editor.request().contentType("application/json").body("{\"story\": " + Long.MAX_VALUE + "}")
                .when().post("/api/stories/{id}/merge", strike).then().statusCode(404);
        editor.request().contentType("application/json").body("{\"articles\": [" + first + "]}")
                .when().post("/api/stories/{id}/split", Long.MAX_VALUE).then().statusCode(404);

        editor.request().contentType("application/json").body("{}")
                .when().post("/api/stories/{id}/merge", strike).then().statusCode(400);
        editor.request().contentType("application/json").body("{\"story\": " + strike + "}")
                .when().post("/api/stories/{id}/merge", strike).then().statusCode(400)
                .body("error", containsString("itself"));
        editor.request().contentType("application/json").body("{\"articles\": []}")
                .when().post("/api/stories/{id}/split", strike).then().statusCode(400);
        editor.request().contentType("application/json").body("{\"articles\": [" + frost + "]}")
                .when().post("/api/stories/{id}/split", strike).then().statusCode(400)
                .body("error", containsString("not articles of story"));
        editor.request().contentType("application/json").body("{\"articles\": [" + first + ", " + second + "]}")
                .when().post("/api/stories/{id}/split", strike).then().statusCode(400)
                .body("error", containsString("empty"));
        editor.request().contentType("application/json").body("{\"articles\": \"all\"}")
                .when().post("/api/stories/{id}/split", strike).then().statusCode(400);
        assertThat(storyOf(second)).isEqualTo(strike);
    }
}
