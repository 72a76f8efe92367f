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
import org.parallax.core.story.StoryEvent;

/**
 * Editors merge and split stories through the JSON API; later automatic assignment respects what they
 * decided. Every article here carries a made-up reference word of its own, so that a re-run against the
 * same database stores new articles instead of finding the previous run's.
 */
@QuarkusTest
class StoryEditingApiTests {

    private static final Instant DAY = Instant.parse("2022-05-10T08:00:00Z");
    private static final String STRIKE_QUOTE = "We will not sail again until the crews of Oskarvik are paid what they are owed";
    private static final Random RANDOM = new Random();

    @Inject
    ArticleService articles;

    private long store(String headline, String... paragraphs) {
        String reference = " (ref " + nonce() + ")";
        List<String> texts = Arrays.asList(paragraphs.clone());
        texts.set(texts.size() - 1, texts.get(texts.size() - 1) + reference);
        List<ArticleDraft.Block> blocks = texts.stream()
                .map(text -> new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text)).toList();
        ArticleDraft draft = new ArticleDraft("test:edit" + reference, null, null, null, headline, false, null, null, DAY,
                "en", blocks, 0.9, List.of());
        RawDocument raw = new RawDocument(String.join("\n", texts).getBytes(StandardCharsets.UTF_8), "text/plain",
                "UTF-8", "test:edit" + reference);
        return articles.store(raw, draft).articleId();
    }

    private static String nonce() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private long ferry(int variant) {
        return switch (variant) {
            case 1 -> store("Oskarvik ferry crews strike over unpaid wages",
                    "Ferry crews in Oskarvik walked off their boats on Monday, stranding island commuters, in a dispute "
                            + "over three months of unpaid wages.",
                    "“" + STRIKE_QUOTE + ",” union steward Marit Holmboe told reporters at the harbour.",
                    "The ferry company said it was waiting for a payment from the regional transport authority.");
            case 2 -> store("Island commuters stranded as Oskarvik ferry strike begins",
                    "Commuters from the islands were stranded on Monday as Oskarvik ferry crews began a strike over "
                            + "unpaid wages.",
                    "“" + STRIKE_QUOTE + ",” said Marit Holmboe, the crews' union steward.",
                    "A school on Utvaer island closed for the day because its teachers could not reach it.");
            case 3 -> store("Oskarvik ferry strike: transport authority promises payment",
                    "The regional transport authority promised on Tuesday to pay the Oskarvik ferry company, a day "
                            + "after crews went on strike over unpaid wages.",
                    "“" + STRIKE_QUOTE + ",” union steward Marit Holmboe repeated on Tuesday as the ferries stayed "
                            + "in port.",
                    "The authority's director blamed a delayed budget vote for the missed payment.");
            default -> store("Oskarvik ferries still idle on the third day of the strike",
                    "Oskarvik ferries stayed in port for a third day as the crews' strike over unpaid wages went on "
                            + "and the transport authority's payment had not arrived.",
                    "“" + STRIKE_QUOTE + ",” Marit Holmboe, the union steward, said again outside the ferry "
                            + "company's office.",
                    "Island commuters organised fishing boats to cross the sound.");
        };
    }

    private long orchard() {
        return store("Late frost ruins apple blossom in the Velmora valley",
                "A late frost on Sunday night destroyed most of the apple blossom in the Velmora valley, growers said.",
                "Orchard owners lit fires between the rows of trees, but temperatures fell to minus six degrees.");
    }

    private static long storyOf(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).story.id);
    }

    private static List<Long> articleIds(JsonPath story) {
        return story.getList("articles.id", Long.class);
    }

    @Test
    void anEditorMergesAStoryAndLaterArrivalsKeepItMerged() {
        long frost = orchard();
        long first = ferry(1);
        long second = ferry(2);
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
        given().get("/api/stories/{id}", orchardStory).then().statusCode(404);

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
        long third = ferry(3);
        assertThat(storyOf(third)).isEqualTo(strike);
        assertThat(storyOf(frost)).isEqualTo(strike);
    }

    @Test
    void anEditorSplitsArticlesOffAndLaterArrivalsDoNotMergeThemBack() {
        long first = ferry(1);
        long second = ferry(2);
        long third = ferry(3);
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

        // Each story's alignment now stays inside it: the quote links 001-002 remain, none reaches the split one.
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
        long fourth = ferry(4);
        assertThat(storyOf(fourth)).isIn(strike, promise);
        assertThat(storyOf(third)).isEqualTo(promise);
        assertThat(storyOf(first)).isEqualTo(strike).isEqualTo(storyOf(second));
    }

    @Test
    void onlyEditorsMayMergeOrSplit() {
        long first = ferry(1);
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
        long frost = orchard();
        long first = ferry(1);
        TestSessions.Session editor = TestSessions.editor();
        given().filter(editor.cookies()).contentType("application/json").body("{\"story\": " + storyOf(frost) + "}")
                .when().post("/api/stories/{id}/merge", storyOf(first)).then().statusCode(oneOf(400, 403));
        assertThat(storyOf(frost)).isNotEqualTo(storyOf(first));
    }

    @Test
    void unknownStoriesAreNotFoundAndBadRequestsSayWhatIsWrong() {
        long first = ferry(1);
        long second = ferry(2);
        long frost = orchard();
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
