package org.parallax.app.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.SeedArticles;
import org.parallax.app.support.TestSessions;

/** The server-rendered side: /me/annotations, its forms, the conflict page, import, and /search. */
@QuarkusTest
class AnnotationPagesTests {

    /** What a browser sends (REST Assured would otherwise encode form fields as ISO-8859-1). */
    private static final String UTF8_FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    SeedArticles seeds;

    @Inject
    AnnotationFixtures fixtures;

    private long create(TestSessions.Session session, String sentence, String note, List<String> tags) {
        long article = seeds.idOf("000_ed82de3322cf4176.txt");
        String iri = session.request().contentType("application/ld+json; charset=UTF-8")
                .body(fixtures.annotationOn(article, sentence, note, tags, "private"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getString("id");
        return Long.parseLong(iri.substring(iri.lastIndexOf('/') + 1));
    }

    @Test
    void pagesSendVisitorsToTheLoginPage() {
        given().redirects().follow(false).get("/me/annotations").then().statusCode(303)
                .header("Location", endsWith("/login"));
    }

    @Test
    void myAnnotationsSearchFilterAndTagCloud() {
        TestSessions.Session alice = TestSessions.reader();
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
        create(alice, AnnotationApiTests.SENTENCE, "About the " + word + " question", List.of("alpha", "shared-tag"));
        create(alice, "Stop your meddling first.", "Another note", List.of("beta", "shared-tag"));

        alice.request().get("/me/annotations").then().statusCode(200)
                .body(containsString("tag-cloud__tag--5\" href=\"/me/annotations?tag=shared-tag\""))
                .body(containsString("About the " + word))
                .body(containsString("Another note"));
        alice.request().get("/me/annotations?q=" + word).then().statusCode(200)
                .body(containsString("About the " + word)).body(not(containsString("Another note")));
        alice.request().get("/me/annotations?tag=beta").then().statusCode(200)
                .body(containsString("Another note")).body(not(containsString("About the " + word)));
        // A NUL byte typed or pasted into the filters is dropped (PostgreSQL refuses it in any text).
        alice.request().urlEncodingEnabled(false).get("/me/annotations?q=%00" + word + "&tag=%00alpha").then().statusCode(200)
                .body(containsString("About the " + word)).body(not(containsString("Another note")));
        alice.request().urlEncodingEnabled(false).get("/api/annotations/mine?q=" + word + "%00").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
        alice.request().get("/search?q=" + word).then().statusCode(200)
                .body(containsString("In your annotations")).body(containsString("About the " + word));
        TestSessions.reader().request().get("/search?q=" + word).then().statusCode(200)
                .body(not(containsString("About the " + word)));
    }

    /**
     * "All your matching annotations" under a search narrowed with story: used to pass the whole query, so
     * /me/annotations looked for the words "story" and the number too and listed none of the annotations
     * the search page had just shown.
     */
    @Test
    void theLinkToAllMatchingAnnotationsKeepsWhatTheSearchListed() {
        TestSessions.Session alice = TestSessions.reader();
        String word = "okapi" + UUID.randomUUID().toString().substring(0, 6);
        create(alice, AnnotationApiTests.SENTENCE, "About the " + word + " question", List.of());
        long story = given().queryParam("q", "Derkach").get("/api/search").then().statusCode(200)
                .extract().jsonPath().getLong("hits[0].storyId");

        String search = alice.request().queryParam("q", word + " story:" + story).get("/search")
                .then().statusCode(200).body(containsString("About the " + word)).extract().asString();
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("<a href=\"([^\"]*)\">All your matching annotations</a>").matcher(search);
        org.assertj.core.api.Assertions.assertThat(link.find()).as("link to all matching annotations").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        org.assertj.core.api.Assertions.assertThat(href).isEqualTo("/me/annotations?q="
                + java.net.URLEncoder.encode(word + " story:" + story, java.nio.charset.StandardCharsets.UTF_8));
        alice.request().urlEncodingEnabled(false).get(href).then().statusCode(200)
                .body(containsString("About the " + word));
    }

    /**
     * "In your annotations" on the search page used to apply only the words and story:, so an annotation on
     * a BuzzFeed News article was listed under a search narrowed to another outlet or to other dates.
     */
    @Test
    void annotationsListedBesideASearchFollowItsOutletAndDates() {
        TestSessions.Session alice = TestSessions.reader();
        String word = "tapir" + UUID.randomUUID().toString().substring(0, 6);
        create(alice, AnnotationApiTests.SENTENCE, "Buzzfeed " + word + " note", List.of());
        long post = seeds.idOf("003_67f9020dfa8c06b0.txt");
        alice.request().contentType("application/ld+json; charset=UTF-8")
                .body(fixtures.annotationOn(post, "guarantee not to engage in cyber-meddling", "Post " + word + " note",
                        List.of(), "private"))
                .post("/api/annotations").then().statusCode(201);

        alice.request().queryParam("q", word).get("/search").then().statusCode(200)
                .body(containsString("Buzzfeed " + word + " note")).body(containsString("Post " + word + " note"))
                .body(containsString(">All your matching annotations</a>"));
        alice.request().queryParam("q", word + " outlet:\"The New York Times\"").get("/search").then().statusCode(200)
                .body(not(containsString("Buzzfeed " + word + " note"))).body(not(containsString("Post " + word + " note")));
        String narrowed = alice.request().queryParam("q", word + " outlet:\"buzzfeed news\"").get("/search").then()
                .statusCode(200).body(containsString("Buzzfeed " + word + " note"))
                .body(not(containsString("Post " + word + " note"))).extract().asString();
        // /me/annotations reads the same filters: the link lists what the search page listed.
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("<a href=\"([^\"]*)\">All your matching annotations</a>").matcher(narrowed);
        org.assertj.core.api.Assertions.assertThat(link.find()).as("link to all matching annotations").isTrue();
        alice.request().urlEncodingEnabled(false).get(link.group(1).replace("&amp;", "&")).then().statusCode(200)
                .body(containsString("Buzzfeed " + word + " note")).body(not(containsString("Post " + word + " note")));
        alice.request().queryParam("q", word + " from:2020-09-25 to:2020-09-25").get("/me/annotations").then()
                .statusCode(200).body(containsString("Post " + word + " note"))
                .body(not(containsString("Buzzfeed " + word + " note")));
        alice.request().queryParam("q", word + " from:2020-13-45").get("/me/annotations").then().statusCode(200)
                .body(containsString("Ignored from:2020-13-45 (dates look like 2020-09-25)."));
        // The Jerusalem Post article is dated 2020-09-25; the BuzzFeed News one has no date, so no range holds it.
        alice.request().queryParam("q", word + " from:2020-09-25 to:2020-09-25").get("/search").then().statusCode(200)
                .body(containsString("Post " + word + " note")).body(not(containsString("Buzzfeed " + word + " note")));
        alice.request().queryParam("q", word + " to:2020-09-24").get("/search").then().statusCode(200)
                .body(not(containsString("Post " + word + " note"))).body(not(containsString("Buzzfeed " + word + " note")));
    }

    @Test
    void aStaleFormEditShowsBothVersionsAndOverwritesNothing() {
        TestSessions.Session alice = TestSessions.reader();
        long id = create(alice, AnnotationApiTests.SENTENCE, "original", List.of());
        alice.request().formParam("version", 0).formParam("note", "edited in window one").formParam("tags", "a")
                .formParam("visibility", "private").redirects().follow(false)
                .post("/me/annotations/" + id + "/edit").then().statusCode(303);
        alice.request().formParam("version", 0).formParam("note", "edited in window two").formParam("tags", "b")
                .formParam("visibility", "private")
                .post("/me/annotations/" + id + "/edit").then().statusCode(409)
                .body(containsString("Saved version 1"))
                .body(containsString("edited in window one"))
                .body(containsString("edited in window two"));
        alice.request().get("/api/annotations/" + id).then().body("body[0].value", org.hamcrest.Matchers.equalTo("edited in window one"));
    }

    /**
     * A refused form edit used to redirect to a generic "at most 10,000 characters, tags at most 50 each"
     * (silent on the 20-tag limit) and throw away what had been typed.
     */
    @Test
    void aRefusedFormEditSaysWhyAndKeepsWhatWasTyped() {
        TestSessions.Session alice = TestSessions.reader();
        long id = create(alice, AnnotationApiTests.SENTENCE, "original", List.of("kept"));
        String longTag = "t".repeat(51);
        String manyTags = String.join(", ", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).toList());
        String longNote = "n".repeat(10_001);
        String[][] refused = {
            {"my careful note <b>", "fine, " + longTag, "A tag can be at most 50 characters long."},
            {"my careful note <b>", manyTags, "An annotation can have at most 20 tags."},
            {longNote, "fine", "A note can be at most 10000 characters long."},
        };
        for (String[] edit : refused) {
            alice.request().contentType(UTF8_FORM).formParam("version", 0).formParam("note", edit[0])
                    .formParam("tags", edit[1]).formParam("visibility", "shared").redirects().follow(false)
                    .post("/me/annotations/" + id + "/edit").then().statusCode(400)
                    .body(containsString("role=\"alert\">" + edit[2]))
                    .body(containsString(">" + edit[0].replace("<", "&lt;").replace(">", "&gt;") + "</textarea>"))
                    .body(containsString("value=\"" + edit[1] + "\""))
                    .body(containsString("value=\"shared\" checked"))
                    .body(containsString("name=\"version\" value=\"0\""))
                    .body(containsString(AnnotationApiTests.SENTENCE));
        }
        alice.request().get("/api/annotations/" + id).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0))
                .body("body[0].value", org.hamcrest.Matchers.equalTo("original"));
        // Corrected, the same form saves.
        alice.request().contentType(UTF8_FORM).formParam("version", 0).formParam("note", "my careful note")
                .formParam("tags", "fine").formParam("visibility", "shared").redirects().follow(false)
                .post("/me/annotations/" + id + "/edit").then().statusCode(303)
                .header("Location", containsString("message=saved"));
    }

    @Test
    void aLongNoteIsSavedThroughTheEditAndReplyForms() {
        // Far beyond the HTTP layer's default 2 KB per form field, within the 10,000-character note limit.
        String note = "Überlegung zu «non-interference» — 注释 ".repeat(240).strip();
        org.assertj.core.api.Assertions.assertThat(note.length()).isBetween(9_000, 10_000);
        TestSessions.Session alice = TestSessions.reader();
        long id = create(alice, AnnotationApiTests.SENTENCE, "short", List.of());
        alice.request().contentType(UTF8_FORM).formParam("version", 0).formParam("note", note).formParam("tags", "long")
                .formParam("visibility", "shared").redirects().follow(false)
                .post("/me/annotations/" + id + "/edit").then().statusCode(303)
                .header("Location", containsString("message=saved"));
        alice.request().get("/api/annotations/" + id).then().statusCode(200)
                .body("body[0].value", org.hamcrest.Matchers.equalTo(note));

        TestSessions.Session bob = TestSessions.reader();
        bob.request().contentType(UTF8_FORM).formParam("note", note).redirects().follow(false)
                .post("/annotations/" + id + "/replies").then().statusCode(303);
        bob.request().get("/articles/" + seeds.idOf("000_ed82de3322cf4176.txt")).then().statusCode(200)
                .body(containsString("<p class=\"annotation__meta\">" + bob.username() + "</p>"));
    }

    /**
     * A reply of only spaces used to land on /me/annotations with a message about length limits; it goes
     * back to the article it was written on, with the reason at the thread's reply form.
     */
    @Test
    void anEmptyReplyGoesBackToTheArticleAndSaysItNeedsText() {
        TestSessions.Session alice = TestSessions.reader();
        long article = seeds.idOf("000_ed82de3322cf4176.txt");
        long id = create(alice, AnnotationApiTests.SENTENCE, "shared for replies", List.of());
        alice.request().contentType(UTF8_FORM).formParam("version", 0).formParam("note", "shared for replies")
                .formParam("visibility", "shared").redirects().follow(false)
                .post("/me/annotations/" + id + "/edit").then().statusCode(303);

        TestSessions.Session bob = TestSessions.reader();
        for (String blank : new String[] {" ", "\u0001\u0002"}) {
            String location = bob.request().contentType(UTF8_FORM).formParam("note", blank).redirects().follow(false)
                    .post("/annotations/" + id + "/replies").then().statusCode(303).extract().header("Location");
            java.net.URI back = java.net.URI.create(location);
            org.assertj.core.api.Assertions.assertThat(back.getPath()).isEqualTo("/articles/" + article);
            org.assertj.core.api.Assertions.assertThat(back.getFragment()).isEqualTo("annotation-" + id);
            bob.request().urlEncodingEnabled(false).get(back.getRawPath() + "?" + back.getRawQuery()).then().statusCode(200)
                    .body(containsString("<details class=\"annotation__reply\" open>"))
                    .body(containsString("role=\"alert\" id=\"reply-problem-" + id + "\">A reply needs some text.</p>"))
                    .body(not(containsString("10,000")));
        }
        alice.request().get("/articles/" + article).then().statusCode(200)
                .body(not(containsString("<p class=\"annotation__meta\">" + bob.username() + "</p>")));
        // The query picks a fixed message; it cannot put words on the page.
        bob.request().get("/articles/" + article + "?reply-refused=" + id + "&why=Your+account+is+locked").then()
                .statusCode(200).body(not(containsString("reply-problem-"))).body(not(containsString("account is locked")));
    }

    @Test
    void aNoteAtTheLimitWithLineBreaksIsSavedAsTheBrowserCountedIt() {
        // The textarea's maxlength counts a line break as one character, the form sends it as CRLF.
        String typed = ("A paragraph of the note." + "\n").repeat(400);
        org.assertj.core.api.Assertions.assertThat(typed.length()).isEqualTo(10_000);
        TestSessions.Session alice = TestSessions.reader();
        long id = create(alice, AnnotationApiTests.SENTENCE, "short", List.of());
        alice.request().contentType(UTF8_FORM).formParam("version", 0).formParam("note", typed.replace("\n", "\r\n"))
                .formParam("tags", "").formParam("visibility", "private").redirects().follow(false)
                .post("/me/annotations/" + id + "/edit").then().statusCode(303)
                .header("Location", containsString("message=saved"));
        alice.request().get("/api/annotations/" + id).then().statusCode(200)
                .body("body[0].value", org.hamcrest.Matchers.equalTo(typed.strip()));
    }

    @Test
    void deleteAndRestoreThroughTheForms() {
        TestSessions.Session alice = TestSessions.reader();
        long id = create(alice, AnnotationApiTests.SENTENCE, "short-lived " + id(), List.of());
        alice.request().redirects().follow(false).post("/me/annotations/" + id + "/delete").then().statusCode(303);
        alice.request().get("/me/annotations").then().body(containsString("Recently deleted"))
                .body(containsString("/me/annotations/" + id + "/restore"));
        alice.request().redirects().follow(false).post("/me/annotations/" + id + "/restore").then().statusCode(303);
        alice.request().get("/api/annotations/" + id).then().statusCode(200);
    }

    @Test
    void importFormReportsWhatItDid() {
        TestSessions.Session alice = TestSessions.reader();
        create(alice, AnnotationApiTests.SENTENCE, "to be exported", List.of("x"));
        byte[] export = alice.request().get("/me/annotations/export.jsonld").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        TestSessions.Session bob = TestSessions.reader();
        bob.request().multiPart("file", "export.jsonld", export, "application/ld+json")
                .post("/me/annotations/import").then().statusCode(200)
                .body(containsString("1 annotations read: 1 imported"));
        bob.request().multiPart("file", "broken.json", "{not json".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/me/annotations/import").then().statusCode(400).body(containsString("not a JSON file"));
        bob.request().get("/me/annotations/export.md").then().statusCode(200).body(containsString("to be exported"));
    }

    @Test
    void anAnnotationOnAnAlignedPassageIsOfferedOnItsCounterparts() {
        long article = seeds.idOf("000_ed82de3322cf4176.txt");
        long[] link = fixtures.linkFrom(article);
        String exact = fixtures.body(article).substring((int) link[0], (int) link[1]);
        TestSessions.Session alice = TestSessions.reader();
        String note = "Seen everywhere " + id();
        alice.request().contentType("application/ld+json; charset=UTF-8")
                .body(AnnotationFixtures.annotationAt(article, exact, (int) link[0], note, List.of(), "shared"))
                .post("/api/annotations").then().statusCode(201);

        String page = TestSessions.reader().request().get("/articles/" + link[2]).then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("From the linked passage in <a href=\"/articles/" + article)
                .contains(note)
                .contains("data-on-article=\"" + link[2] + "\"");
        alice.request().get("/articles/" + link[2]).then().body(containsString(note));
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
