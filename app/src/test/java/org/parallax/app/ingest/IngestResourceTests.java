package org.parallax.app.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.TestSessions;

@QuarkusTest
class IngestResourceTests {

    @Test
    void uploadedFilesRunThroughThePipelineAndTheSummaryComesBack() {
        TestSessions.Session editor = TestSessions.editor();
        String nonce = UUID.randomUUID().toString();
        byte[] article = ("Upload headline " + nonce + "\n\n" + IngestFixtures.body(nonce, "the upload", 3))
                .getBytes(StandardCharsets.UTF_8);

        editor.request().multiPart("file", "story.txt", article, "text/plain")
                .multiPart("file", "blank.txt", new byte[0], "text/plain")
                .when().post("/api/ingest")
                .then().statusCode(200)
                .body("files", equalTo(2))
                .body("created", equalTo(1))
                .body("unchanged", equalTo(0))
                .body("nearDuplicates", equalTo(0))
                .body("failed", equalTo(1))
                .body("errors", contains("blank.txt: empty file"));

        editor.request().multiPart("file", "story-again.txt", article, "text/plain")
                .when().post("/api/ingest")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(1));
    }

    @Test
    void uploadWithoutFilesIsABadRequest() {
        TestSessions.editor().request().multiPart("note", "no file here")
                .when().post("/api/ingest")
                .then().statusCode(400)
                .body("error", startsWith("no files"));
    }

    @Test
    void onlyLoggedInEditorsMayUpload() {
        byte[] article = "Headline\n\nSome body text for a story.".getBytes(StandardCharsets.UTF_8);
        given().multiPart("file", "story.txt", article, "text/plain")
                .when().post("/api/ingest")
                .then().statusCode(401);
        TestSessions.reader().request().multiPart("file", "story.txt", article, "text/plain")
                .when().post("/api/ingest")
                .then().statusCode(403);
    }

    @Test
    void uploadWithoutCsrfTokenIsRejected() {
        TestSessions.Session editor = TestSessions.editor();
        byte[] article = "Headline\n\nSome body text for a story.".getBytes(StandardCharsets.UTF_8);
        given().filter(editor.cookies()).multiPart("file", "story.txt", article, "text/plain")
                .when().post("/api/ingest")
                .then().statusCode(403);
    }
}
