package org.parallax.app.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.parallax.app.support.StoryMembership.storyOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.parallax.core.annotation.AnnotationService;
import org.parallax.core.annotation.TextQuote;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleRemovals;
import org.parallax.core.story.StoryService;
import org.parallax.core.user.Accounts;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;

/**
 * Editors remove what should never have been stored as an article; it stays out when the same input comes
 * again, old links say it was removed and why, and readers' annotations are never lost with it.
 */
@QuarkusTest
class ArticleRemovalTests {

    @Inject
    IngestPipeline pipeline;

    @Inject
    AnnotationService annotations;

    @Inject
    Accounts accounts;

    @Inject
    ArticleRemovals removals;

    @Inject
    StoryService stories;

    @Inject
    org.parallax.core.story.StoryAssignmentWorker grouping;

    @Test
    void anEditorRemovesAPageThatIsNotAnArticleAndIngestingItAgainSkipsIt(@TempDir Path temp) throws Exception {
        String nonce = word();
        Path junk = Files.writeString(temp.resolve("cookies.txt"), "Cookie settings " + nonce + "\n\n"
                + "We use cookies to improve your experience on our site and to show you relevant advertising. "
                + MadeUpWords.words(20) + ".\n\nBy continuing to browse you agree to our use of cookies "
                + MadeUpWords.words(20) + ".");
        assertThat(ingest(junk).created()).isEqualTo(1);
        long id = articleWith(nonce);
        given().queryParam("q", nonce).get("/api/search").then().body("total", equalTo(1));
        grouping.drain();
        Long story = storyOf(id);
        assertThat(story).isNotNull();

        TestSessions.Session editor = TestSessions.editor();
        Document details = Jsoup.parse(given().filter(editor.cookies()).get("/articles/{id}/details", id).asString());
        assertThat(details.select("form[action=/articles/" + id + "/details/remove] textarea[name=reason][required]")).hasSize(1);

        Document done = Jsoup.parse(given().filter(editor.cookies()).formParam("csrf-token", editor.csrfToken())
                .formParam("reason", "A cookie notice, not an article")
                .when().post("/articles/{id}/details/remove", id).then().statusCode(200).extract().asString());
        assertThat(done.select("[role=status]").text()).isEqualTo("“Cookie settings " + nonce + "” (article " + id
                + ") is removed. Ingesting the same text or address again skips it.");

        // Old links say what happened; search no longer finds it.
        String gone = given().accept("text/html").get("/articles/{id}", id).then().statusCode(410).extract().asString();
        assertThat(Jsoup.parse(gone).select("main").text()).contains("Article " + id + ", “Cookie settings " + nonce
                + "”, was removed by the editor " + editor.username() + " on").contains(": A cookie notice, not an article");
        given().get("/api/articles/{id}", id).then().statusCode(410)
                .body("error", containsString("A cookie notice, not an article"));
        given().queryParam("q", nonce).get("/api/search").then().body("total", equalTo(0));
        // Its story had no other article: links to the story say so too, instead of "no such story".
        String storyGone = given().accept("text/html").get("/stories/{id}", story).then().statusCode(410).extract().asString();
        assertThat(Jsoup.parse(storyGone).select("main").text()).contains("Story " + story + " has no articles left. "
                + "Its article, “Cookie settings " + nonce + "”, was removed by the editor " + editor.username());
        given().get("/api/stories/{id}", story).then().statusCode(410)
                .body("error", containsString("A cookie notice, not an article"));

        // The same file again (under another name) stays out and the summary says why.
        IngestSummary again = ingest(Files.copy(junk, temp.resolve("cookies-again.txt")));
        assertThat(again.created()).isZero();
        assertThat(again.removed()).isEqualTo(1);
        assertThat(again.line()).endsWith("0 failed, 1 skipped (removed by an editor)");
        assertThat(articleCount(nonce)).isZero();
    }

    @Test
    void anAnnotatedArticleIsNotRemovedAndNothingIsLost(@TempDir Path temp) throws Exception {
        String nonce = word();
        String sentence = "The harbour board approved the new pier " + nonce + " " + MadeUpWords.words(20);
        Path file = Files.writeString(temp.resolve("pier.txt"), "Pier approved " + nonce + "\n\n"
                + MadeUpWords.words(25) + ".\n\n" + sentence + ", officials said.");
        ingest(file);
        long id = articleWith(nonce);
        String body = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).body);
        long reader = accounts.register("rm" + nonce.substring(2, 10), TestSessions.PASSWORD).id;
        int start = body.indexOf(sentence);
        annotations.create(reader, id, new AnnotationService.Draft(TextQuote.of(body, start, start + sentence.length()),
                "keep this", List.of("pier"), "private"));

        TestSessions.Session editor = TestSessions.editor();
        Document refused = Jsoup.parse(given().filter(editor.cookies()).formParam("csrf-token", editor.csrfToken())
                .formParam("reason", "Duplicate of another page")
                .when().post("/articles/{id}/details/remove", id).then().statusCode(400).extract().asString());
        assertThat(refused.select("#remove-error").text()).isEqualTo(
                "A reader annotated this article; removing it would delete that note. Correct its details instead.");
        assertThat(refused.selectFirst("#reason").text()).isEqualTo("Duplicate of another page");
        given().get("/articles/{id}", id).then().statusCode(200);
        assertThat(annotations.mine(reader, new AnnotationService.Filter(null, null, null, false))).hasSize(1);
    }

    @Test
    void anAnnotationSavedWhileTheRemovalRunsStopsItInsteadOfGoingWithIt(@TempDir Path temp) throws Exception {
        Contested article = contested(temp, "Ferry timetable", "The ferry timetable changes on Monday");

        // The reader's note is written but not yet committed when the editor presses "Remove".
        try (HeldOpen note = HeldOpen.after(() -> annotations.create(article.reader, article.id, article.note))) {
            assertThatThrownBy(() -> removals.remove(article.id, article.editor, "Not an article"))
                    .isInstanceOf(ArticleRemovals.Refused.class);
        }
        assertThat(articleCount(article.nonce)).isEqualTo(1);
        assertThat(annotations.mine(article.reader, new AnnotationService.Filter(null, null, null, false))).hasSize(1);
    }

    @Test
    void aNoteWrittenWhileTheRemovalRunsIsToldTheArticleIsGoneNotAServerError(@TempDir Path temp) throws Exception {
        Contested article = contested(temp, "Bridge repairs", "The bridge closes for repairs on Sunday");

        // The editor's removal has deleted the article but not yet committed when the reader saves a note.
        try (HeldOpen removal = HeldOpen.after(() -> removals.remove(article.id, article.editor, "Not an article"))) {
            assertThatThrownBy(() -> annotations.create(article.reader, article.id, article.note))
                    .isInstanceOf(org.parallax.core.annotation.AnnotationProblem.Invalid.class)
                    .hasMessageContaining("removed by an editor");
        }
        assertThat(articleCount(article.nonce)).isZero();
    }

    /**
     * An alignment holds its story's lock while it writes rows that refer to the story's articles (each such
     * insert takes a key-share lock on the article's row). A removal used to delete the row first and ask for
     * the story's lock after: the two waited for each other until PostgreSQL broke the deadlock (seen in CI).
     * Now the removal waits for the story's lock before it touches the row.
     */
    @Test
    void aRemovalWaitsForAnAlignmentOfItsStoryInsteadOfDeadlockingWithIt(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = plainArticle(temp, "Harbour dredging", nonce);
        grouping.drain();
        long story = storyOf(id);
        long editor = accounts.register("e" + nonce.substring(1, 10), TestSessions.PASSWORD).id;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch storyLocked = new CountDownLatch(1);
            CountDownLatch removalStarted = new CountDownLatch(1);
            Future<?> alignment = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                var em = Article.getEntityManager();
                // The story's lock as StoryLocks takes it ('STOR', story id), then, once the removal is under way,
                // what an insert of a passage link does to the article's row.
                em.createNativeQuery("select pg_advisory_xact_lock(1398034258, cast(?1 as int))")
                        .setParameter(1, story).getResultList();
                storyLocked.countDown();
                await(removalStarted);
                sleep(500);
                em.createNativeQuery("select set_config('lock_timeout', '5s', true)").getResultList();
                em.createNativeQuery("select 1 from article where id = ?1 for key share").setParameter(1, id).getResultList();
            }));
            assertThat(storyLocked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ArticleRemovals.Removed> removal = threads.submit(() -> {
                removalStarted.countDown();
                return removals.remove(id, editor, "Not an article");
            });

            alignment.get(30, TimeUnit.SECONDS);
            assertThat(removal.get(30, TimeUnit.SECONDS).articleId()).isEqualTo(id);
        } finally {
            threads.shutdownNow();
        }
        assertThat(articleCount(nonce)).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An article, a reader's note on one of its sentences, and an editor who wants it gone. */
    private record Contested(long id, String nonce, AnnotationService.Draft note, long reader, long editor) {
    }

    private Contested contested(Path temp, String headline, String sentenceStart) throws Exception {
        String nonce = word();
        String sentence = sentenceStart + " " + nonce + " " + MadeUpWords.words(20);
        ingest(Files.writeString(temp.resolve(nonce + ".txt"), headline + " " + nonce + "\n\n"
                + MadeUpWords.words(25) + ".\n\n" + sentence + ", the council said."));
        long id = articleWith(nonce);
        String body = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).body);
        int start = body.indexOf(sentence);
        AnnotationService.Draft note = new AnnotationService.Draft(TextQuote.of(body, start, start + sentence.length()),
                "check the date", List.of(), "private");
        return new Contested(id, nonce, note, accounts.register("r" + nonce.substring(1, 10), TestSessions.PASSWORD).id,
                accounts.register("e" + nonce.substring(1, 10), TestSessions.PASSWORD).id);
    }

    /** Work done in a transaction on another thread, which stays open for a while before it commits. */
    private static final class HeldOpen implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<?> transaction;

        private HeldOpen(Runnable work) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            transaction = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                done.countDown();
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }

        static HeldOpen after(Runnable work) throws InterruptedException {
            return new HeldOpen(work);
        }

        @Override
        public void close() throws Exception {
            try {
                transaction.get(30, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    @Test
    void aComparisonLinkNamingARemovedArticleSaysItWasRemoved(@TempDir Path temp) throws Exception {
        String kept = word();
        String junk = word();
        long keptId = plainArticle(temp, "Lighthouse keepers", kept);
        long junkId = plainArticle(temp, "Site map", junk);
        stories.assign(keptId);
        stories.assign(junkId);
        long story = storyOf(keptId);
        if (storyOf(junkId) != story) {
            stories.merge(story, storyOf(junkId), "test");
        }
        String link = "/stories/" + story + "/compare?articles=" + keptId + "&articles=" + junkId;
        given().get(link).then().statusCode(200);

        TestSessions.Session editor = TestSessions.editor();
        editor.request().contentType("application/json").body("{\"reason\":\"A site map\"}")
                .when().post("/api/articles/{id}/removal", junkId).then().statusCode(200);

        String gone = given().accept("text/html").get(link).then().statusCode(410).extract().asString();
        assertThat(Jsoup.parse(gone).select("main").text()).contains("Article " + junkId + ", “Site map " + junk
                + "”, was removed by the editor " + editor.username() + " on").contains(": A site map");
    }

    @Test
    void anEditorsSessionWithoutTheCsrfTokenNeitherCorrectsNorRemovesThroughTheApi(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = plainArticle(temp, "Tram depot", nonce);
        TestSessions.Session editor = TestSessions.editor();
        // What another site can make the editor's browser send: the session cookie, no token header.
        for (String type : List.of("application/json", "text/plain")) {
            int put = given().filter(editor.cookies()).contentType(type).body("{\"headline\":\"Hijacked\"}")
                    .when().put("/api/articles/{id}/details", id).then().extract().statusCode();
            int post = given().filter(editor.cookies()).contentType(type).body("{\"reason\":\"Hijacked\"}")
                    .when().post("/api/articles/{id}/removal", id).then().extract().statusCode();
            assertThat(List.of(put, post)).as(type).allMatch(status -> status >= 400 && status < 500);
        }
        given().get("/api/articles/{id}", id).then().statusCode(200).body("headline", equalTo("Tram depot " + nonce));
    }

    @Test
    void onlyEditorsRemoveAndAlwaysWithAReason(@TempDir Path temp) throws Exception {
        String nonce = word();
        long id = plainArticle(temp, "Tide tables", nonce);

        TestSessions.Session reader = TestSessions.reader();
        assertThat(given().filter(reader.cookies()).get("/articles/{id}/details", id).asString())
                .doesNotContain("/articles/" + id + "/details/remove");
        given().filter(reader.cookies()).formParam("csrf-token", reader.csrfToken()).formParam("reason", "spam")
                .when().post("/articles/{id}/details/remove", id).then().statusCode(403);
        given().redirects().follow(false).formParam("reason", "spam").when().post("/articles/{id}/details/remove", id)
                .then().statusCode(303);

        TestSessions.Session editor = TestSessions.editor();
        Document noReason = Jsoup.parse(given().filter(editor.cookies()).formParam("csrf-token", editor.csrfToken())
                .formParam("reason", "   ").when().post("/articles/{id}/details/remove", id).then().statusCode(400)
                .extract().asString());
        assertThat(noReason.select("#remove-error").text()).startsWith("Say why the article is removed");
        editor.request().contentType("application/json").body("{}").when().post("/api/articles/{id}/removal", id)
                .then().statusCode(400).body("error", containsString("Say why the article is removed"));
        given().get("/articles/{id}", id).then().statusCode(200);

        editor.request().contentType("application/json").body("{\"reason\":\"Test page of the crawler\"}")
                .when().post("/api/articles/{id}/removal", id)
                .then().statusCode(200).body("article", equalTo((int) id)).body("headline", equalTo("Tide tables " + nonce));
        editor.request().contentType("application/json").body("{\"reason\":\"again\"}")
                .when().post("/api/articles/{id}/removal", id).then().statusCode(410);
    }

    @Test
    void everyRevisionOfARemovedArticleStaysOut(@TempDir Path temp) throws Exception {
        String nonce = word();
        String url = "https://example.org/listing/" + nonce;
        String first = MadeUpWords.words(30);
        Path v1 = Files.writeString(temp.resolve("v1.jsonl"), json("Listing " + nonce, url, first + " " + nonce));
        Path v2 = Files.writeString(temp.resolve("v2.jsonl"), json("Listing " + nonce, url, first + " " + nonce
                + "\n\n" + MadeUpWords.words(10)));
        ingest(v1);
        ingest(v2);
        long id = articleWith(nonce);
        TestSessions.Session editor = TestSessions.editor();
        editor.request().contentType("application/json").body("{\"reason\":\"An index page\"}")
                .when().post("/api/articles/{id}/removal", id).then().statusCode(200);

        assertThat(ingest(v1).removed()).isEqualTo(1);
        assertThat(ingest(v2).removed()).isEqualTo(1);
        // A new text at the same address is the same page again.
        Path v3 = Files.writeString(temp.resolve("v3.jsonl"), json("Listing " + nonce, url, MadeUpWords.words(30)
                + " " + nonce));
        assertThat(ingest(v3).removed()).isEqualTo(1);
        assertThat(articleCount(nonce)).isZero();
    }

    /**
     * A page that is not an article (a site's index page) can hold two events in one story: each resembles it,
     * not each other. Removing it used to leave them together; the story now splits where only it held.
     */
    @Test
    void removingThePageThatHeldTwoEventsTogetherSplitsTheirStory(@TempDir Path temp) throws Exception {
        List<String> first = List.of(MadeUpWords.words(20).split(" "));
        List<String> second = List.of(MadeUpWords.words(20).split(" "));
        long one = textArticle(temp, "one", first, List.of(MadeUpWords.words(20).split(" ")));
        long two = textArticle(temp, "two", second, List.of(MadeUpWords.words(20).split(" ")));
        grouping.drain();
        assertThat(storyOf(one)).isNotEqualTo(storyOf(two));
        long index = textArticle(temp, "index", first, second);
        grouping.drain();
        long story = storyOf(one);
        assertThat(storyOf(two)).as("the index page bridges the two").isEqualTo(story);
        assertThat(storyOf(index)).isEqualTo(story);

        TestSessions.Session editor = TestSessions.editor();
        editor.request().contentType("application/json").body("{\"reason\":\"The site's index page\"}")
                .when().post("/api/articles/{id}/removal", index).then().statusCode(200);

        assertThat(storyOf(one)).as("the first article keeps the story").isEqualTo(story);
        Long split = storyOf(two);
        assertThat(split).isNotNull().isNotEqualTo(story);
        given().get("/api/stories/{id}", story).then().statusCode(200)
                .body("articleCount", equalTo(1)).body("articles[0].id", equalTo((int) one));
        given().get("/api/stories/{id}", split).then().statusCode(200)
                .body("articleCount", equalTo(1)).body("articles[0].id", equalTo((int) two));
        Document kept = Jsoup.parse(given().accept("text/html").get("/stories/{id}", story).then().statusCode(200)
                .extract().asString());
        assertThat(kept.select(".story-history li").first().text())
                .endsWith(": Some of its articles moved to story " + split + " (automatic grouping)");
        List<String> keptHistory = kept.select(".story-history li").eachText();
        assertThat(keptHistory.get(1)).contains(": “Report ").endsWith(" was removed: The site's index page (editor "
                + editor.username() + ")");
        assertThat(keptHistory).anySatisfy(entry -> assertThat(entry).contains("An article since removed joined"));
        Document part = Jsoup.parse(given().accept("text/html").get("/stories/{id}", split).then().statusCode(200)
                .extract().asString());
        assertThat(part.select(".story-history li").eachText()).singleElement().asString()
                .endsWith(": Founded with articles split off from story " + story + " (automatic grouping)");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(org.parallax.core.story.StoryEvent.history(story)).extracting(event -> event.kind).contains("split");
            assertThat(org.parallax.core.story.StoryEvent.history(split)).extracting(event -> event.kind)
                    .containsExactly("founded");
        });
    }

    /** A text file whose headline and body are these made-up words, shuffled, ingested; its article's id. */
    private long textArticle(Path temp, String name, List<String> words, List<String> more) throws java.io.IOException {
        List<String> all = new java.util.ArrayList<>(words);
        all.addAll(more);
        java.util.Collections.shuffle(all);
        String nonce = word();
        ingest(Files.writeString(temp.resolve(name + ".txt"), "Report " + nonce + " " + String.join(" ", all.subList(0, 6))
                + "\n\n" + String.join(" ", all.subList(6, all.size())) + "."));
        return articleWith(nonce);
    }

    /** A text file of a headline and two paragraphs of made-up words, ingested; its article's id. */
    private long plainArticle(Path temp, String headline, String nonce) throws java.io.IOException {
        ingest(Files.writeString(temp.resolve(nonce + ".txt"), headline + " " + nonce + "\n\n"
                + MadeUpWords.words(30) + ".\n\n" + MadeUpWords.words(30) + "."));
        return articleWith(nonce);
    }

    private IngestSummary ingest(Path file) {
        IngestSummary summary = pipeline.ingest("removal test", List.of(Input.ofFile(file)));
        assertThat(summary.failed()).as(summary.errors().toString()).isZero();
        return summary;
    }

    private static long articleWith(String nonce) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>find("body like ?1 or headline like ?1",
                "%" + nonce + "%").singleResult().id);
    }

    private static long articleCount(String nonce) {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("body like ?1 or headline like ?1",
                "%" + nonce + "%"));
    }

    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String json(String title, String url, String body) {
        return "{\"title\":\"" + title + "\",\"url\":\"" + url + "\",\"body\":\"" + body.replace("\n", "\\n") + "\"}\n";
    }
}
