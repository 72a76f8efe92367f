package org.parallax.app.annotation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.SeedArticles;
import org.parallax.app.support.TestSessions;

@QuarkusTest
class AnnotationApiTests {

    static final String SENTENCE = "extended an offer to President Donald Trump for the adversarial nations to reset relations";
    static final String LD = "application/ld+json; charset=UTF-8";

    @Inject
    SeedArticles seeds;

    @Inject
    AnnotationFixtures fixtures;

    long article;

    @BeforeEach
    void findSeed() {
        article = seeds.idOf("000_ed82de3322cf4176.txt");
    }

    private Response create(TestSessions.Session session, String sentence, String note, List<String> tags,
                            String visibility) {
        return session.request().contentType(LD)
                .body(fixtures.annotationOn(article, sentence, note, tags, visibility))
                .when().post("/api/annotations");
    }

    private static long idOf(Response created) {
        created.then().statusCode(201);
        String iri = created.jsonPath().getString("id");
        return Long.parseLong(iri.substring(iri.lastIndexOf('/') + 1));
    }

    @Test
    void everyEndpointWithoutASessionIs401() {
        long id = idOf(create(TestSessions.reader(), SENTENCE, "mine", List.of(), "shared"));
        String json = "{\"type\":\"Annotation\"}";
        List<Response> answers = List.of(
                given().get("/api/annotations?article=" + article),
                given().get("/api/annotations/mine"),
                given().get("/api/annotations/" + id),
                given().get("/api/annotations/export"),
                given().get("/api/annotations/export?format=markdown"),
                given().contentType(LD).body(json).post("/api/annotations"),
                given().contentType(LD).body(json).put("/api/annotations/" + id),
                given().delete("/api/annotations/" + id),
                given().post("/api/annotations/" + id + "/restore"),
                given().contentType(LD).body(json).post("/api/annotations/" + id + "/replies"),
                given().contentType(LD).body(json).post("/api/annotations/import"));
        for (Response answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void createdAnnotationIsW3cJsonLdWithBothSelectors() {
        TestSessions.Session alice = TestSessions.reader();
        Response created = create(alice, SENTENCE, "Note *with* Markdown", List.of("translation", "kremlin"), "private");
        created.then().statusCode(201)
                .contentType(containsString("application/ld+json"))
                .header("Location", containsString("/api/annotations/"))
                .header("ETag", "\"0\"")
                .body("type", equalTo("Annotation"))
                .body("'@context'[0]", equalTo("http://www.w3.org/ns/anno.jsonld"))
                .body("target.source", containsString("/articles/" + article))
                .body("target.selector[0].type", equalTo("TextQuoteSelector"))
                .body("target.selector[0].exact", equalTo(SENTENCE))
                .body("target.selector[1].type", equalTo("TextPositionSelector"))
                .body("target.selector[1].start", equalTo(fixtures.body(article).indexOf(SENTENCE)))
                .body("body.find { it.purpose == 'tagging' }.value", equalTo("translation"))
                .body("body[0].value", equalTo("Note *with* Markdown"))
                .body("visibility", equalTo("private"))
                .body("creator.nickname", equalTo(alice.username()));
        alice.request().get("/api/annotations?article=" + article).then().statusCode(200)
                .body("type", equalTo("AnnotationCollection"))
                .body("first.items.id", hasItem(created.jsonPath().getString("id")));
    }

    @Test
    void aQuoteThatIsNotInTheArticleIsRefused() {
        TestSessions.Session alice = TestSessions.reader();
        alice.request().contentType(LD)
                .body(AnnotationFixtures.annotationAt(article, "words this article never says", 10, "x", List.of(), "private"))
                .post("/api/annotations").then().statusCode(422).body("error", containsString("not in this article"));
    }

    @Test
    void anotherUsersPrivateAnnotationIsNotFoundAndASharedOneIsVisible() {
        TestSessions.Session alice = TestSessions.reader();
        TestSessions.Session bob = TestSessions.reader();
        long secret = idOf(create(alice, SENTENCE, "secret note", List.of(), "private"));
        long shared = idOf(create(alice, SENTENCE, "shared note", List.of(), "shared"));

        String missing = bob.request().get("/api/annotations/999999999").then().statusCode(404).extract().asString();
        String hidden = bob.request().get("/api/annotations/" + secret).then().statusCode(404).extract().asString();
        assertThat(hidden.replace(String.valueOf(secret), "N")).isEqualTo(missing.replace("999999999", "N"));
        bob.request().contentType(LD).body("{\"body\":{\"value\":\"mine now\"}}").header("If-Match", "\"0\"")
                .put("/api/annotations/" + secret).then().statusCode(404);
        bob.request().delete("/api/annotations/" + secret).then().statusCode(404);
        bob.request().contentType(LD).body("{\"body\":{\"value\":\"a reply\"}}")
                .post("/api/annotations/" + secret + "/replies").then().statusCode(404);

        bob.request().get("/api/annotations/" + shared).then().statusCode(200).body("body[0].value", equalTo("shared note"));
        bob.request().contentType(LD).body("{\"body\":{\"value\":\"not mine\"}}").header("If-Match", "\"0\"")
                .put("/api/annotations/" + shared).then().statusCode(403);
        List<String> seen = bob.request().get("/api/annotations?article=" + article).then().statusCode(200)
                .extract().jsonPath().getList("first.items.id");
        assertThat(seen).anyMatch(iri -> iri.endsWith("/" + shared)).noneMatch(iri -> iri.endsWith("/" + secret));
    }

    @Test
    void aPostWithoutTheCsrfTokenIs403() {
        TestSessions.Session alice = TestSessions.reader();
        long id = idOf(create(alice, SENTENCE, "note", List.of(), "private"));
        given().filter(alice.cookies()).contentType(LD)
                .body(fixtures.annotationOn(article, SENTENCE, "no token", List.of(), "private"))
                .post("/api/annotations").then().statusCode(403).body("error", containsString("CSRF"));
        given().filter(alice.cookies()).contentType(LD).header("X-CSRF-TOKEN", "forged-token-value")
                .body(fixtures.annotationOn(article, SENTENCE, "forged", List.of(), "private"))
                .post("/api/annotations").then().statusCode(403);
        given().filter(alice.cookies()).delete("/api/annotations/" + id).then().statusCode(403);
        alice.request().get("/api/annotations/" + id).then().statusCode(200).body("deleted", equalTo(null));
    }

    @Test
    void aSecondEditBasedOnAnOldVersionIsAConflictAndOverwritesNothing() {
        TestSessions.Session first = TestSessions.reader();
        TestSessions.Session second = TestSessions.logIn(first.username());
        long id = idOf(create(first, SENTENCE, "original", List.of("a"), "private"));
        String etag = first.request().get("/api/annotations/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(second.request().get("/api/annotations/" + id).header("ETag")).isEqualTo(etag);

        first.request().contentType(LD).header("If-Match", etag)
                .body("{\"body\":[{\"value\":\"first edit\"},{\"purpose\":\"tagging\",\"value\":\"b\"}]}")
                .put("/api/annotations/" + id).then().statusCode(200).header("ETag", "\"1\"");
        second.request().contentType(LD).header("If-Match", etag)
                .body("{\"body\":[{\"value\":\"second edit\"}]}")
                .put("/api/annotations/" + id).then().statusCode(409)
                .body("current.body[0].value", equalTo("first edit"))
                .body("current.version", equalTo(1));
        second.request().contentType(LD).body("{\"body\":[{\"value\":\"no version\"}]}")
                .put("/api/annotations/" + id).then().statusCode(428);
        first.request().get("/api/annotations/" + id).then().body("body[0].value", equalTo("first edit"))
                .body("body[1].value", equalTo("b"));
    }

    /**
     * A tag "a,b" made through the API was shown as "a,b" in the edit form on /me/annotations, whose
     * comma-separated field then saved it as two tags. Commas are refused in tags by the API and forms, and
     * turned into dashes by an import.
     */
    @Test
    void aTagWithACommaIsRefusedOnEveryPath() {
        TestSessions.Session alice = TestSessions.reader();
        create(alice, SENTENCE, "comma", List.of("a,b"), "private").then().statusCode(422)
                .body("error", containsString("A tag cannot contain a comma"))
                .body("error", containsString("a,b"));
        alice.request().get("/api/annotations/mine").then().statusCode(200).body("total", equalTo(0));

        long id = idOf(create(alice, SENTENCE, "comma", List.of("a"), "private"));
        alice.request().contentType(LD).header("If-Match", "\"0\"")
                .body("{\"body\":[{\"value\":\"edited\"},{\"purpose\":\"tagging\",\"value\":\"x,y\"}]}")
                .put("/api/annotations/" + id).then().statusCode(422).body("error", containsString("comma"));
        alice.request().get("/api/annotations/" + id).then().statusCode(200).body("version", equalTo(0))
                .body("body[0].value", equalTo("comma")).body("body[1].value", equalTo("a"));

        // An import never drops a note over a tag: there the comma becomes a dash, as whitespace does.
        TestSessions.Session bob = TestSessions.reader();
        Map<String, Object> withComma = fixtures.annotationOn(article, SENTENCE, "imported", List.of("c, d"), "private");
        bob.request().contentType(LD).body(List.of(withComma)).post("/api/annotations/import").then().statusCode(200)
                .body("imported", equalTo(1));
        bob.request().get("/api/annotations/mine").then().statusCode(200)
                .body("first.items[0].body.find { it.purpose == 'tagging' }.value", equalTo("c-d"));
    }

    @Test
    void simultaneousEditsOfOneVersionLetExactlyOneWin() throws Exception {
        TestSessions.Session author = TestSessions.reader();
        long id = idOf(create(author, SENTENCE, "start", List.of(), "private"));
        int writers = 6;
        List<TestSessions.Session> sessions = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            sessions.add(TestSessions.logIn(author.username()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String note = "writer " + i;
                TestSessions.Session s = sessions.get(i);
                edits.add(() -> s.request().contentType(LD).header("If-Match", "\"0\"")
                        .body("{\"body\":[{\"value\":\"" + note + "\"}]}").put("/api/annotations/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(edits)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        author.request().get("/api/annotations/" + id).then().body("version", equalTo(1))
                .body("body[0].value", containsString("writer "));
    }

    @Test
    void deletedAnnotationsDisappearAndTheAuthorCanRestoreThem() {
        TestSessions.Session alice = TestSessions.reader();
        TestSessions.Session bob = TestSessions.reader();
        long id = idOf(create(alice, SENTENCE, "to delete", List.of(), "shared"));
        alice.request().delete("/api/annotations/" + id).then().statusCode(204);
        assertThat(alice.request().get("/api/annotations?article=" + article).jsonPath().getList("first.items.id", String.class))
                .noneMatch(iri -> iri.endsWith("/" + id));
        bob.request().get("/api/annotations/" + id).then().statusCode(404);
        alice.request().get("/api/annotations/mine?deleted=true").then().statusCode(200)
                .body("first.items.id", hasItem(containsString("/api/annotations/" + id)));
        alice.request().post("/api/annotations/" + id + "/restore").then().statusCode(200).body("deleted", equalTo(null));
        bob.request().get("/api/annotations/" + id).then().statusCode(200);
    }

    @Test
    void othersReplyToSharedAnnotations() {
        TestSessions.Session alice = TestSessions.reader();
        TestSessions.Session bob = TestSessions.reader();
        long shared = idOf(create(alice, SENTENCE, "what do you think?", List.of(), "shared"));
        Response reply = bob.request().contentType(LD).body("{\"type\":\"Annotation\",\"motivation\":\"replying\","
                + "\"body\":{\"type\":\"TextualBody\",\"value\":\"I agree\"},\"target\":\"http://x/api/annotations/" + shared + "\"}")
                .post("/api/annotations");
        reply.then().statusCode(201).body("motivation", equalTo("replying"))
                .body("target", containsString("/api/annotations/" + shared));
        alice.request().get("/api/annotations?article=" + article).then().statusCode(200)
                .body("first.items.findAll { it.motivation == 'replying' }.target",
                        hasItem(containsString("/api/annotations/" + shared)))
                .body(containsString("\"I agree\""));
    }

    @Test
    void repliesFollowTheirAnnotationWhenItIsMadePrivate() {
        TestSessions.Session alice = TestSessions.reader();
        TestSessions.Session bob = TestSessions.reader();
        TestSessions.Session carol = TestSessions.reader();
        String secret = "a reply carol must not see later " + bob.username();
        long shared = idOf(create(alice, SENTENCE, "shared for now", List.of(), "shared"));
        long reply = idOf(bob.request().contentType(LD).body("{\"type\":\"Annotation\",\"body\":{\"type\":\"TextualBody\","
                + "\"value\":\"" + secret + "\"}}").post("/api/annotations/" + shared + "/replies"));
        carol.request().get("/api/annotations/" + reply).then().statusCode(200);

        alice.request().contentType(LD).header("If-Match", "\"0\"")
                .body("{\"body\":{\"type\":\"TextualBody\",\"value\":\"mine alone now\"},\"visibility\":\"private\"}")
                .put("/api/annotations/" + shared).then().statusCode(200).body("visibility", equalTo("private"));

        carol.request().get("/api/annotations/" + reply).then().statusCode(404);
        carol.request().get("/api/annotations?article=" + article).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(secret)));
        // Shared again: the conversation comes back as it was.
        alice.request().contentType(LD).header("If-Match", "\"1\"")
                .body("{\"body\":{\"type\":\"TextualBody\",\"value\":\"shared again\"},\"visibility\":\"shared\"}")
                .put("/api/annotations/" + shared).then().statusCode(200);
        carol.request().get("/api/annotations/" + reply).then().statusCode(200);
    }

    @Test
    void exportThenImportRoundTripsSelectorsNotesAndTags() {
        TestSessions.Session alice = TestSessions.reader();
        create(alice, SENTENCE, "First **note** with [a link](https://example.org)", List.of("translation"), "private")
                .then().statusCode(201);
        create(alice, "Stop your meddling first.", null, List.of("white-house", "quote"), "shared").then().statusCode(201);
        create(alice, "surprising and somewhat cryptic statement", "Line one\nline two", List.of(), "private")
                .then().statusCode(201);
        String exported = alice.request().get("/api/annotations/export").then().statusCode(200)
                .contentType(containsString("application/ld+json")).body("type", equalTo("AnnotationCollection")).body("total", equalTo(3))
                .extract().asString();

        TestSessions.Session bob = TestSessions.reader();
        bob.request().contentType(LD).body(exported).post("/api/annotations/import").then().statusCode(200)
                .body("received", equalTo(3)).body("imported", equalTo(3)).body("orphaned.size()", equalTo(0))
                .body("notImported.size()", equalTo(0));
        String reexported = bob.request().get("/api/annotations/export").then().statusCode(200).extract().asString();
        assertThat(essentials(reexported)).isEqualTo(essentials(exported));

        bob.request().contentType(LD).body(exported).post("/api/annotations/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("alreadyPresent", equalTo(3));
    }

    @Test
    void importAnchorsWhatItCanAndReportsTheRest() {
        TestSessions.Session alice = TestSessions.reader();
        Map<String, Object> unknownSource = Map.of("uri", "https://nowhere.example/unknown", "text", "lost",
                "target", List.of(Map.of("source", "https://nowhere.example/unknown", "selector", List.of(
                        Map.of("type", "TextQuoteSelector", "exact", "anything")))));
        Map<String, Object> goneText = Map.of("text", "gone text", "tags", List.of("h"),
                "target", List.of(Map.of("source", "http://elsewhere/articles/" + article, "selector", List.of(
                        Map.of("type", "TextQuoteSelector", "exact", "a sentence the article does not have",
                                "prefix", "nothing like ", "suffix", " this at all")))));
        Map<String, Object> quoteOnly = Map.of("text", "found by quote alone", "tags", List.of("h"),
                "target", List.of(Map.of("source", "http://elsewhere/articles/" + article, "selector", List.of(
                        Map.of("type", "TextQuoteSelector", "exact", SENTENCE)))));
        String hypothesis = WebAnnotations.write(Map.of("rows", List.of(unknownSource, goneText, quoteOnly)));
        alice.request().contentType("application/json").body(hypothesis).post("/api/annotations/import")
                .then().statusCode(200)
                .body("received", equalTo(3)).body("imported", equalTo(2))
                .body("orphaned.quote", hasItem("a sentence the article does not have"))
                .body("notImported.reason", hasItem("no article here has this source"));
        JsonPath mine = alice.request().get("/api/annotations/mine").jsonPath();
        assertThat(mine.getList("first.items.anchorState", String.class)).containsExactlyInAnyOrder("anchored", "orphaned");
    }

    @Test
    void markdownExportGroupsByStoryAndArticle() {
        TestSessions.Session alice = TestSessions.reader();
        create(alice, SENTENCE, "markdown export note", List.of("md"), "private").then().statusCode(201);
        alice.request().get("/api/annotations/export?format=markdown").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# Annotations by " + alice.username()))
                .body(containsString("\n## "))
                .body(containsString("\n### Putin Asked Trump For A Mutual Ban"))
                .body(containsString("> " + SENTENCE))
                .body(containsString("markdown export note"))
                .body(containsString("`md`"))
                .body(not(containsString("null")));
    }

    /** Selectors, notes, tags and visibility of every item, independent of ids, authors and times. */
    private static List<String> essentials(String collection) {
        List<Map<String, Object>> items = JsonPath.from(collection).getList("first.items");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<?, ?> target = (Map<?, ?>) item.get("target");
            out.add(String.valueOf(target.get("selector")) + " | " + item.get("body") + " | " + item.get("visibility")
                    + " | " + String.valueOf(target.get("source")));
        }
        out.sort(String::compareTo);
        return out;
    }
}
