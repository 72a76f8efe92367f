package org.parallax.app.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.MadeUpWords;
import org.parallax.app.support.TestSessions;

/** {@code /ingest}: editors add articles from the browser, through the same pipeline as the command line. */
@QuarkusTest
class UploadPageTests {

    @Test
    void anEditorUploadsFilesAndSeesWhatBecameOfEachArticleAndEachFailure() {
        TestSessions.Session editor = TestSessions.editor();
        String form = given().filter(editor.cookies()).when().get("/ingest").then().statusCode(200).extract().asString();
        assertThat(form).contains("<input id=\"upload-files\" name=\"files\" type=\"file\" multiple required")
                .contains("name=\"csrf-token\" value=\"" + editor.csrfToken() + "\"")
                .containsPattern("Each document\\s+up to \\d+ [KMG]B")
                .containsPattern("up to 512 MB in one upload");

        String nonce = UUID.randomUUID().toString();
        byte[] article = ("Upload page headline " + nonce + "\n\n" + IngestFixtures.body(nonce, "the upload page", 3))
                .getBytes(StandardCharsets.UTF_8);
        String result = given().filter(editor.cookies())
                .multiPart("csrf-token", editor.csrfToken())
                .multiPart("files", "story.txt", article, "text/plain")
                .multiPart("files", "empty.txt", new byte[0], "text/plain")
                .when().post("/ingest")
                .then().statusCode(200).extract().asString();
        assertThat(result).contains("2 files read:").contains("<strong>1 new</strong>").contains("1 failed")
                .contains("<li>empty.txt: empty file</li>")
                .containsPattern("<td>new</td>\\s*<td><a href=\"/articles/\\d+\">Upload page headline " + nonce + "</a>");

        // The same file again stores nothing and says so.
        String again = given().filter(editor.cookies())
                .multiPart("csrf-token", editor.csrfToken())
                .multiPart("files", "story-again.txt", article, "text/plain")
                .when().post("/ingest")
                .then().statusCode(200).extract().asString();
        assertThat(again).contains("<strong>0 new</strong>, 1 already stored")
                .containsPattern("<td>already stored</td>\\s*<td><a href=\"/articles/\\d+\">Upload page headline " + nonce);
    }

    /**
     * The same text uploaded under two names gave a "new" row and an "already stored" row with the same
     * headline, and nothing said which file was which; each row now names its file (and line of a JSON
     * Lines file).
     */
    @Test
    void eachArticleRowNamesTheFileAndLineItCameFrom() {
        TestSessions.Session editor = TestSessions.editor();
        String nonce = UUID.randomUUID().toString();
        byte[] article = ("Twice uploaded headline " + nonce + "\n\n" + IngestFixtures.body(nonce, "the twice uploaded page", 3))
                .getBytes(StandardCharsets.UTF_8);
        String lines = "{\"title\":\"Lines headline one " + nonce + "\",\"body\":\""
                + IngestFixtures.body(nonce, "the first line", 2).replace("\n", " ") + " "
                + MadeUpWords.words(40) + "\"}\n"
                + "{\"title\":\"Lines headline two " + nonce + "\",\"body\":\""
                + IngestFixtures.body(nonce, "the second line", 2).replace("\n", " ") + " "
                + MadeUpWords.words(40) + "\"}\n";
        String result = given().filter(editor.cookies())
                .multiPart("csrf-token", editor.csrfToken())
                .multiPart("files", "first-copy.txt", article, "text/plain")
                .multiPart("files", "second-copy.txt", article, "text/plain")
                .multiPart("files", "wire.jsonl", lines.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/ingest")
                .then().statusCode(200).extract().asString();
        assertThat(result).contains("<th scope=\"col\">File</th>")
                .containsPattern("<td class=\"upload__source\">first-copy.txt</td>\\s*<td>new</td>\\s*"
                        + "<td><a href=\"/articles/\\d+\">Twice uploaded headline " + nonce)
                .containsPattern("<td class=\"upload__source\">second-copy.txt</td>\\s*<td>already stored</td>\\s*"
                        + "<td><a href=\"/articles/\\d+\">Twice uploaded headline " + nonce)
                .containsPattern("<td class=\"upload__source\">wire.jsonl line 2</td>\\s*<td>new</td>\\s*"
                        + "<td><a href=\"/articles/\\d+\">Lines headline two " + nonce);
    }

    @Test
    void anUploadWithoutFilesShowsTheFormAgainWithAMessage() {
        TestSessions.Session editor = TestSessions.editor();
        String page = given().filter(editor.cookies())
                .multiPart("csrf-token", editor.csrfToken())
                .multiPart("files", "", new byte[0], "application/octet-stream")
                .when().post("/ingest")
                .then().statusCode(400).extract().asString();
        assertThat(page).contains("Choose one or more files to add.").contains("id=\"upload-files\"");
    }

    @Test
    void onlyEditorsSeeTheLinkAndReachThePage() {
        given().redirects().follow(false).when().get("/ingest").then().statusCode(303);
        // The address DESIGN.md gives for this page leads to it.
        given().redirects().follow(false).when().get("/admin/ingest").then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/ingest"));
        TestSessions.Session reader = TestSessions.reader();
        // The refusal is a page in the site's layout (it once failed as a 500 for a logged-in reader).
        String refused = given().filter(reader.cookies()).accept("text/html").when().get("/ingest")
                .then().statusCode(403).extract().asString();
        assertThat(refused).contains("Your account may not do that.").contains("Log out");
        String readerHome = given().filter(reader.cookies()).when().get("/").then().statusCode(200).extract().asString();
        assertThat(readerHome).doesNotContain("href=\"/ingest\"");
        given().filter(reader.cookies()).multiPart("csrf-token", reader.csrfToken())
                .multiPart("files", "story.txt", "Headline\n\nBody text.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/ingest").then().statusCode(403);

        TestSessions.Session editor = TestSessions.editor();
        String editorHome = given().filter(editor.cookies()).when().get("/").then().statusCode(200).extract().asString();
        assertThat(editorHome).contains("<a href=\"/ingest\">Add articles</a>");
    }

    @Test
    void anUploadWithoutItsTokenIsRefusedWithAPageThatStillWorks() {
        TestSessions.Session editor = TestSessions.editor();
        // Once a 500: the refusal page's log-out form asked for a token the refused request never got.
        String page = given().filter(editor.cookies()).accept("text/html")
                .multiPart("files", "story.txt", "Headline\n\nBody text.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/ingest")
                .then().statusCode(403).extract().asString();
        assertThat(page).contains("missing its security token")
                .contains("name=\"csrf-token\" value=\"" + editor.csrfToken() + "\"");
    }
}
