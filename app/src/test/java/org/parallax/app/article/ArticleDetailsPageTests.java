package org.parallax.app.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.parallax.app.support.StoryMembership.storyOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.support.MadeUpWords;
import org.parallax.app.support.TestSessions;
import org.parallax.core.article.Article;
import org.parallax.core.story.StoryService;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.pipeline.IngestPipeline;

/**
 * {@code /articles/{id}/details}: editors correct what extraction got wrong (headline, dek, byline, outlet,
 * date, language); readers see that and what was corrected; search and the story follow at once.
 */
@QuarkusTest
class ArticleDetailsPageTests {

    @Inject
    IngestPipeline pipeline;

    @Inject
    StoryService stories;

    @Inject
    EntityManager em;

    @Test
    void anEditorCorrectsTheDetailsAndReadersSearchAndTheStoryFollow(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "v1.jsonl", nonce, line("Ferry tender " + nonce + " delayed", null, body(nonce)));
        stories.assign(id);
        Long storyId = storyOf(id);
        assertThat(storyId).isNotNull();
        assertThat(warnings(id)).anyMatch(w -> w.startsWith("unknown outlet")).anyMatch(w -> w.startsWith("no publication date"));

        TestSessions.Session editor = TestSessions.editor();
        Document form = Jsoup.parse(given().filter(editor.cookies()).get("/articles/{id}/details", id)
                .then().statusCode(200).extract().asString());
        assertThat(form.selectFirst("#headline").val()).isEqualTo("Ferry tender " + nonce + " delayed");
        assertThat(form.selectFirst("#outlet").val()).isEmpty();
        assertThat(form.select("form input[name=csrf-token]").val()).isEqualTo(editor.csrfToken());

        given().filter(editor.cookies()).redirects().follow(false)
                .formParam("csrf-token", editor.csrfToken())
                .formParam("headline", "Ferry  tender " + nonce + " postponed to spring")
                .formParam("dek", "").formParam("byline", "Ana Ruiz")
                .formParam("outlet", "Harbour Gazette " + nonce)
                .formParam("date", "2021-03-04").formParam("time", "09:30")
                .formParam("language", form.selectFirst("#language").val().toUpperCase(java.util.Locale.ROOT))
                .when().post("/articles/{id}/details", id)
                .then().statusCode(303).header("Location", endsWith("/articles/" + id + "/details?saved=4"));

        Document after = Jsoup.parse(given().filter(editor.cookies()).queryParam("saved", 4).get("/articles/{id}/details", id)
                .then().statusCode(200).extract().asString());
        assertThat(after.select("[role=status]").text()).isEqualTo("4 details corrected.");
        // White space collapsed; the language code typed in capitals is the same code, so no change; each change
        // recorded with its author.
        assertThat(after.selectFirst("#headline").val()).isEqualTo("Ferry tender " + nonce + " postponed to spring");
        assertThat(after.select(".details-history tbody tr")).hasSize(4);
        assertThat(after.select(".details-history tbody").text())
                .contains(editor.username() + " Headline Ferry tender " + nonce + " delayed Ferry tender " + nonce + " postponed to spring")
                .contains("Outlet (none) Harbour Gazette " + nonce)
                .contains("Publication date (none) 2021-03-04 09:30 UTC")
                .contains("Byline (none) Ana Ruiz")
                .doesNotContain("Language");

        // A reader: the article shows the corrected details, says they were corrected, and the settled warnings are gone.
        Document article = Jsoup.parse(given().get("/articles/{id}", id).then().statusCode(200).extract().asString());
        assertThat(article.selectFirst("h1").text()).isEqualTo("Ferry tender " + nonce + " postponed to spring");
        assertThat(article.select(".reader__header .outlet").text()).isEqualTo("Harbour Gazette " + nonce);
        assertThat(article.select(".reader__header time").attr("datetime")).isEqualTo("2021-03-04");
        assertThat(article.select(".reader__byline").text()).isEqualTo("By Ana Ruiz");
        assertThat(article.select(".provenance").text()).contains("Details corrected by an editor on")
                .doesNotContain("unknown outlet").doesNotContain("no publication date");
        assertThat(article.select(".provenance a[href=/articles/" + id + "/details]").text())
                .isEqualTo("Details and their corrections");

        // Search and the story follow at once.
        given().queryParam("q", "postponed " + nonce).get("/api/search").then().statusCode(200)
                .body("hits[0].articleId", org.hamcrest.Matchers.equalTo((int) id))
                .body("hits[0].outlet", org.hamcrest.Matchers.equalTo("Harbour Gazette " + nonce));
        Document story = Jsoup.parse(given().get("/stories/{id}", storyId).then().statusCode(200).extract().asString());
        assertThat(story.selectFirst("h1").text()).isEqualTo("Ferry tender " + nonce + " postponed to spring");
        assertThat(story.text()).contains("4 March 2021");
    }

    @Test
    void savingTheFormUntouchedChangesNothing(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Quay works " + nonce, "2020-09-25T15:45:31Z", body(nonce)));
        TestSessions.Session editor = TestSessions.editor();
        Document form = Jsoup.parse(given().filter(editor.cookies()).get("/articles/{id}/details", id).asString());
        assertThat(form.selectFirst("#time").val()).isEqualTo("15:45");

        var post = given().filter(editor.cookies()).redirects().follow(false).formParam("csrf-token", editor.csrfToken());
        for (String field : List.of("headline", "dek", "byline", "outlet", "date", "time", "language")) {
            post.formParam(field, form.getElementById(field).is("textarea") ? form.getElementById(field).text()
                    : form.getElementById(field).val());
        }
        post.when().post("/articles/{id}/details", id).then().statusCode(303)
                .header("Location", endsWith("?saved=0"));
        assertThat(given().queryParam("saved", 0).get("/articles/{id}/details", id).asString())
                .contains("Nothing changed: the details were already these.")
                .contains("None: these are the details as extracted from the source.");
        // The seconds the form does not show are kept.
        assertThat(publishedAt(id)).isEqualTo("2020-09-25T15:45:31Z");
    }

    @Test
    void aFormLeftOpenWhileAnotherEditorSavedDoesNotPutTheOldValuesBack(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Harbour dues " + nonce, "2020-09-25T15:45:00Z", body(nonce)));
        TestSessions.Session first = TestSessions.editor();
        TestSessions.Session second = TestSessions.editor();
        Document opened = Jsoup.parse(given().filter(first.cookies()).get("/articles/{id}/details", id).asString());

        // The second editor fixes the headline while the first is still typing a byline.
        second.request().contentType("application/json")
                .body("{\"headline\":\"Harbour dues " + nonce + " raised\",\"publishedAt\":\"2020-09-25T15:45:00Z\"}")
                .when().put("/api/articles/{id}/details", id).then().statusCode(200);

        Document refused = Jsoup.parse(submit(first, id, opened, "byline", "By Ada Quay").then().statusCode(409)
                .extract().asString());
        assertThat(refused.select("#details-error").text()).startsWith("Someone changed these details after you opened the form");
        assertThat(refused.selectFirst("#byline").val()).isEqualTo("By Ada Quay");
        assertThat(headline(id)).isEqualTo("Harbour dues " + nonce + " raised");

        // Saving the form shown with the conflict is a decision taken with the other change in view.
        submit(first, id, refused, "headline", "Harbour dues " + nonce + " raised").then().statusCode(303);
        assertThat(headline(id)).isEqualTo("Harbour dues " + nonce + " raised");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).byline)).isEqualTo("By Ada Quay");
    }

    @Test
    void anOutletRetypedInOtherCapitalsIsTheSameOutletAndNoCorrection(@TempDir Path temp) throws Exception {
        String nonce = word();
        String outlet = "Quay Gazette " + nonce;
        long id = ingest(temp, "a.jsonl", nonce, "{\"title\":\"Slipway " + nonce + "\",\"outlet\":\"" + outlet
                + "\",\"body\":\"" + body(nonce).replace("\n", "\\n") + "\"}\n");
        TestSessions.Session editor = TestSessions.editor();
        editor.request().contentType("application/json")
                .body("{\"headline\":\"Slipway " + nonce + "\",\"outlet\":\"  quay   GAZETTE " + nonce + " \"}")
                .when().put("/api/articles/{id}/details", id)
                .then().statusCode(200).body("changes", org.hamcrest.Matchers.empty())
                .body("article.outlet", org.hamcrest.Matchers.equalTo(outlet));
        given().get("/api/articles/{id}/corrections", id).then().statusCode(200).body("", org.hamcrest.Matchers.empty());

        // Another article given that outlet in lower case is recorded under the outlet's own name.
        String other = word();
        long second = ingest(temp, "b.jsonl", other, line("Boathouse " + other, null, body(other)));
        editor.request().contentType("application/json")
                .body("{\"headline\":\"Boathouse " + other + "\",\"outlet\":\"quay gazette " + nonce + "\"}")
                .when().put("/api/articles/{id}/details", second)
                .then().statusCode(200).body("changes[0].after", org.hamcrest.Matchers.equalTo(outlet));
    }

    @Test
    void aCorrectionWaitsForAMergeMovingTheArticleInsteadOfDeadlockingWithIt(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Lock gates " + nonce, null, body(nonce)));
        stories.assign(id);
        long story = storyOf(id);
        TestSessions.Session editor = TestSessions.editor();

        // What a merge does (StoryService.merge): the assignment lock, the story's lock, then the moved articles' rows.
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService merging = Executors.newSingleThreadExecutor();
        try {
            Future<?> merge = merging.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select pg_advisory_xact_lock(" + 0x5354_4f52_5931L + "), pg_advisory_xact_lock("
                        + 0x53544f52 + ", " + story + ")").getResultList();
                locked.countDown();
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                em.createNativeQuery("update article set story_id = story_id where id = ?1").setParameter(1, id)
                        .executeUpdate();
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            editor.request().contentType("application/json").body("{\"headline\":\"Lock gates " + nonce + " reopened\"}")
                    .when().put("/api/articles/{id}/details", id).then().statusCode(200);
            merge.get(30, TimeUnit.SECONDS);
        } finally {
            merging.shutdownNow();
        }
        assertThat(headline(id)).isEqualTo("Lock gates " + nonce + " reopened");
    }

    @Test
    void aHeadlineStoredAsExtractedDoesNotStopTheEditorCorrectingTheRest(@TempDir Path temp) throws Exception {
        String nonce = word();
        // Arabic with a Latin word held in bidi isolates (which ingest keeps), longer than an editor may type.
        String headline = "\u0631\u0633\u0648\u0645 \u0627\u0644\u0648\u0642\u0648\u062f \u2066" + nonce + "\u2069 "
                + MadeUpWords.words(90);
        long id = ingest(temp, "a.jsonl", nonce, line(headline, null, body(nonce)));
        assertThat(headline(id)).isEqualTo(headline).hasSizeGreaterThan(500);
        TestSessions.Session editor = TestSessions.editor();
        Document form = Jsoup.parse(given().filter(editor.cookies()).get("/articles/{id}/details", id).asString());
        assertThat(form.selectFirst("#headline").val()).isEqualTo(headline);

        submit(editor, id, form, "byline", "Rania Haddad").then().statusCode(303).header("Location", endsWith("?saved=1"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).byline)).isEqualTo("Rania Haddad");
        assertThat(headline(id)).isEqualTo(headline);
        // What the editor types is still held to the rules.
        form = Jsoup.parse(given().filter(editor.cookies()).get("/articles/{id}/details", id).asString());
        Document refused = Jsoup.parse(submit(editor, id, form, "headline", headline + " ").then().statusCode(400)
                .extract().asString());
        assertThat(refused.select("#details-error").text()).isEqualTo("Headline holds control characters; type it again without them.");
    }

    /**
     * Persian is written with zero-width non-joiners inside words: an editor's correction keeps them, as it
     * keeps the right-to-left mark after a number. Both were refused as control characters.
     */
    @Test
    void aCorrectionInPersianKeepsItsJoinersAndDirectionMarks(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Dock strike " + nonce, null, body(nonce)));
        TestSessions.Session editor = TestSessions.editor();
        Document form = Jsoup.parse(given().filter(editor.cookies()).get("/articles/{id}/details", id).asString());
        String persian = "\u0646\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 2020\u200F " + nonce;
        submit(editor, id, form, "headline", persian).then().statusCode(303).header("Location", endsWith("?saved=1"));
        assertThat(headline(id)).isEqualTo(persian);
    }

    /** Posts the details form as the page holds it, with one field changed. */
    private static io.restassured.response.Response submit(TestSessions.Session editor, long id, Document form,
                                                           String field, String value) {
        // As browsers send forms: UTF-8 (RestAssured's default for form parameters is ISO-8859-1).
        var post = given().filter(editor.cookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", editor.csrfToken());
        for (var input : form.select("form[action=/articles/" + id + "/details] [name]")) {
            String name = input.attr("name");
            if (!name.equals("csrf-token")) {
                post.formParam(name, name.equals(field) ? value : input.is("textarea") ? input.text() : input.val());
            }
        }
        return post.when().post("/articles/{id}/details", id);
    }

    private static String headline(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).headline);
    }

    @Test
    void aRefusedCorrectionComesBackWithWhatWasTypedAndChangesNothing(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Dock strike " + nonce, null, body(nonce)));
        TestSessions.Session editor = TestSessions.editor();
        record Case(String headline, String date, String time, String language, String message) {
        }
        for (Case c : List.of(
                new Case("  ", "2021-03-04", "", "en", "An article needs a headline."),
                new Case("Dock strike", "2021-13-45", "", "en", "The date must be a day such as 2020-09-25."),
                new Case("Dock strike", "", "10:00", "en", "A time needs a date; give the day it was published too."),
                new Case("Dock strike", "2999-01-01", "", "en", "The publication date is in the future."),
                new Case("Dock strike", "2021-03-04", "", "english", "Language must be a two- or three-letter ISO 639 code, such as en, de or ru."),
                new Case("Dock\u0000strike", "2021-03-04", "", "en", "Headline holds control characters; type it again without them."))) {
            Document page = Jsoup.parse(given().filter(editor.cookies())
                    .formParam("csrf-token", editor.csrfToken())
                    .formParam("headline", c.headline()).formParam("byline", "Typed byline " + nonce)
                    .formParam("outlet", "Typed outlet").formParam("date", c.date()).formParam("time", c.time())
                    .formParam("language", c.language())
                    .when().post("/articles/{id}/details", id).then().statusCode(400).extract().asString());
            assertThat(page.select("[role=alert]").text()).isEqualTo(c.message());
            assertThat(page.selectFirst("#byline").val()).isEqualTo("Typed byline " + nonce);
            assertThat(page.selectFirst("#outlet").val()).isEqualTo("Typed outlet");
        }
        assertThat(given().get("/articles/{id}/details", id).asString())
                .contains("None: these are the details as extracted from the source.");
        assertThat(Jsoup.parse(given().get("/articles/{id}", id).asString()).selectFirst("h1").text())
                .isEqualTo("Dock strike " + nonce);
    }

    @Test
    void onlyEditorsCorrectAndOnlyWithTheirToken(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Pier tolls " + nonce, null, body(nonce)));
        TestSessions.Session reader = TestSessions.reader();
        Document readerView = Jsoup.parse(given().filter(reader.cookies()).get("/articles/{id}/details", id)
                .then().statusCode(200).extract().asString());
        assertThat(readerView.select("form.details-form")).isEmpty();
        assertThat(readerView.select(".details-list").text()).contains("Headline Pier tolls " + nonce)
                .contains("Outlet unknown");

        given().filter(reader.cookies()).formParam("csrf-token", reader.csrfToken()).formParam("headline", "Hijacked")
                .when().post("/articles/{id}/details", id).then().statusCode(403);
        given().redirects().follow(false).formParam("headline", "Hijacked")
                .when().post("/articles/{id}/details", id).then().statusCode(303)
                .header("Location", endsWith("/login"));
        TestSessions.Session editor = TestSessions.editor();
        int withoutToken = given().filter(editor.cookies()).formParam("headline", "Hijacked")
                .when().post("/articles/{id}/details", id).then().extract().statusCode();
        assertThat(withoutToken).isIn(400, 403);

        assertThat(Jsoup.parse(given().get("/articles/{id}", id).asString()).selectFirst("h1").text())
                .isEqualTo("Pier tolls " + nonce);
        given().get("/articles/{id}/details", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void aLaterRevisionOfTheArticleKeepsTheEditorsValues(@TempDir Path temp) throws Exception {
        String nonce = word();
        String url = "https://example.org/ferries/" + nonce;
        String text = body(nonce);
        long id = ingest(temp, "v1.jsonl", nonce, lineAt("Ferries " + nonce + " cancelled", url, text));
        TestSessions.Session editor = TestSessions.editor();
        given().filter(editor.cookies()).redirects().follow(false).formParam("csrf-token", editor.csrfToken())
                .formParam("headline", "Island ferries " + nonce + " cancelled by storm")
                .formParam("outlet", "Island Courier " + nonce)
                .when().post("/articles/{id}/details", id).then().statusCode(303);

        long revised = ingest(temp, "v2.jsonl", nonce, lineAt("Ferries " + nonce + " cancelled", url,
                text + "\n\nThe operator said crossings would resume on Thursday if the wind dropped."));

        assertThat(revised).isEqualTo(id);
        Document article = Jsoup.parse(given().get("/articles/{id}", id).asString());
        assertThat(article.text()).contains("crossings would resume on Thursday");
        assertThat(article.selectFirst("h1").text()).isEqualTo("Island ferries " + nonce + " cancelled by storm");
        assertThat(article.select(".reader__header .outlet").text()).isEqualTo("Island Courier " + nonce);
    }

    @Test
    void scriptsCorrectThroughTheApiWithTheSameRules(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = ingest(temp, "a.jsonl", nonce, line("Canal levy " + nonce, null, body(nonce)));
        TestSessions.Session editor = TestSessions.editor();
        editor.request().contentType("application/json")
                .body("{\"headline\":\"Canal levy " + nonce + " doubled\",\"outlet\":\"Canal Times\","
                        + "\"publishedAt\":\"2022-05-06T07:08:09Z\"}")
                .when().put("/api/articles/{id}/details", id)
                .then().statusCode(200)
                .body("changes.field", org.hamcrest.Matchers.hasItems("headline", "outlet", "published_at"))
                .body("changes[0].editor", org.hamcrest.Matchers.equalTo(editor.username()))
                .body("article.headline", org.hamcrest.Matchers.equalTo("Canal levy " + nonce + " doubled"))
                .body("article.outlet", org.hamcrest.Matchers.equalTo("Canal Times"))
                .body("article.publishedAt", org.hamcrest.Matchers.equalTo("2022-05-06T07:08:09Z"));
        given().get("/api/articles/{id}/corrections", id).then().statusCode(200)
                .body("find { it.field == 'headline' }.before", org.hamcrest.Matchers.equalTo("Canal levy " + nonce));

        editor.request().contentType("application/json").body("{\"headline\":\"\"}")
                .when().put("/api/articles/{id}/details", id)
                .then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("An article needs a headline."));
        TestSessions.reader().request().contentType("application/json").body("{\"headline\":\"Hijacked\"}")
                .when().put("/api/articles/{id}/details", id).then().statusCode(403);
        given().contentType("application/json").body("{\"headline\":\"Hijacked\"}")
                .when().put("/api/articles/{id}/details", id).then().statusCode(401);
        editor.request().contentType("application/json").body("{\"headline\":\"x\"}")
                .when().put("/api/articles/{id}/details", Long.MAX_VALUE).then().statusCode(404);
        given().get("/api/articles/{id}", id).then().body("headline", org.hamcrest.Matchers.equalTo("Canal levy " + nonce + " doubled"));

        // Two scripts read the same version: the first one's write lands, the second is told, not applied.
        String version = given().get("/api/articles/{id}", id).then().extract().path("updatedAt");
        editor.request().contentType("application/json")
                .body("{\"headline\":\"Canal levy " + nonce + " tripled\",\"version\":\"" + version + "\"}")
                .when().put("/api/articles/{id}/details", id).then().statusCode(200);
        editor.request().contentType("application/json")
                .body("{\"headline\":\"Canal levy " + nonce + " halved\",\"version\":\"" + version + "\"}")
                .when().put("/api/articles/{id}/details", id).then().statusCode(409)
                .body("error", org.hamcrest.Matchers.startsWith("The article changed after the version you sent"));
        given().get("/api/articles/{id}", id).then()
                .body("headline", org.hamcrest.Matchers.equalTo("Canal levy " + nonce + " tripled"));
    }

    /** Ingests one JSON line and returns the id of the article whose body holds the nonce. */
    private long ingest(Path dir, String name, String nonce, String jsonLine) throws Exception {
        Path file = Files.writeString(dir.resolve(name), jsonLine);
        var summary = pipeline.ingest("details test", List.of(Input.ofFile(file)));
        assertThat(summary.failed()).isZero();
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>find("body like ?1 order by id desc",
                "%" + nonce + "%").firstResult().id);
    }

    private static List<String> warnings(long id) {
        return QuarkusTransaction.requiringNew().call(() -> List.copyOf(Article.<Article>findById(id).warnings));
    }

    private static String publishedAt(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).publishedAt.toString());
    }

    /** A made-up word, so that these articles match no other test's and group with nothing else. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Two paragraphs of made-up words around the nonce: no other test's article is like it, so it groups alone. */
    private static String body(String nonce) {
        return "Officials said the contract " + nonce + " " + MadeUpWords.words(14) + " would be reviewed.\n\n"
                + "The committee " + MadeUpWords.words(16) + " will hear the reply at its next meeting.";
    }

    private static String line(String title, String date, String body) {
        return "{\"title\":\"" + title + "\"" + (date == null ? "" : ",\"date\":\"" + date + "\"")
                + ",\"body\":\"" + body.replace("\n", "\\n") + "\"}\n";
    }

    private static String lineAt(String title, String url, String body) {
        return "{\"title\":\"" + title + "\",\"url\":\"" + url + "\",\"body\":\"" + body.replace("\n", "\\n") + "\"}\n";
    }
}
