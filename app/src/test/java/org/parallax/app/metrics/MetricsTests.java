package org.parallax.app.metrics;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parallax.app.annotation.AnnotationFixtures;
import org.parallax.app.support.SeedArticles;
import org.parallax.app.support.TestSessions;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.pipeline.IngestPipeline;

/** What an operator scrapes from /q/metrics: ingest counters and per-route request timings. */
@QuarkusTest
class MetricsTests {

    @Inject
    IngestPipeline pipeline;

    @Inject
    SeedArticles seeds;

    @Inject
    AnnotationFixtures fixtures;

    @Test
    void countsNewArticlesOnceAndEveryFailedInput() {
        double ingested = counter("parallax_articles_ingested_total");
        double failures = counter("parallax_ingest_failures_total");
        String marker = UUID.randomUUID().toString();
        Input article = new Input("metrics-" + marker + ".txt", ("""
                Operators Count What Parallax Ingests %s

                Every article stored for the first time adds one to the counter that Prometheus scrapes.

                Storing the same text again changes nothing, so the counter must not move a second time.
                """.formatted(marker)).getBytes(StandardCharsets.UTF_8));

        var first = pipeline.ingest("metrics test", List.of(article, Input.rejected("broken.txt", "broken.txt: unreadable")));
        var again = pipeline.ingest("metrics test, again", List.of(article));

        // A database kept from an earlier run holds this text with another marker: then it is a near-duplicate.
        assertThat(first.created() + first.nearDuplicates()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(counter("parallax_articles_ingested_total") - ingested).isEqualTo(1.0);
        assertThat(counter("parallax_ingest_failures_total") - failures).isEqualTo(1.0);
    }

    @Test
    void countsAnnotationsCreatedOnceCommitted() {
        double before = counter("parallax_annotations_created_total");
        long article = seeds.idOf("002_eb18d5e91bb62d37.txt");
        String body = fixtures.body(article);
        String passage = body.substring(0, Math.min(40, body.indexOf("\n\n") > 0 ? body.indexOf("\n\n") : 40));
        TestSessions.Session reader = TestSessions.reader();
        reader.request().contentType("application/ld+json; charset=UTF-8")
                .body(fixtures.annotationOn(article, passage, "counted", List.of(), "private"))
                .post("/api/annotations").then().statusCode(201);
        reader.request().contentType("application/ld+json; charset=UTF-8")
                .body(AnnotationFixtures.annotationAt(article, "text this article does not contain", 0, null, List.of(),
                        "private"))
                .post("/api/annotations").then().statusCode(422);
        assertThat(counter("parallax_annotations_created_total") - before).isEqualTo(1.0);
    }

    @Test
    void timesRequestsPerRouteTemplateWithHistogramBuckets() {
        // The front page lists stories; a story's page links its articles.
        Matcher story = Pattern.compile("href=\"(/stories/\\d+)\"").matcher(get("/").then().statusCode(200)
                .extract().asString());
        assertThat(story.find()).as("the front page links a story").isTrue();
        Matcher link = Pattern.compile("href=\"(/articles/\\d+)\"").matcher(get(story.group(1)).then().statusCode(200)
                .extract().asString());
        assertThat(link.find()).as("the story page links a seeded article").isTrue();
        get(link.group(1)).then().statusCode(200);

        String metrics = scrape();
        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/articles/\\{id}\"");
        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*uri=\"/articles/\\{id}\"");
        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/stories/\\{id}\"");
        assertThat(metrics).as("probes and scrapes stay out of the request timings")
                .doesNotContainPattern("uri=\"/q/");
    }

    private static String scrape() {
        return get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double counter(String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(scrape());
        assertThat(m.find()).as("%s on /q/metrics", name).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
