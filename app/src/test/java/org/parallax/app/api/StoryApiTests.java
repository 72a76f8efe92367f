package org.parallax.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON API on the five seed articles, loaded at start through the real ingest path: stories are grouped
 * and aligned as the seeds are stored, and the API serves what was stored.
 */
@QuarkusTest
class StoryApiTests {

    private static final String SEED_000 = "seed:000_ed82de3322cf4176.txt";
    private static final String SEED_001 = "seed:001_3d7b2ec1440a76b5.txt";
    private static final String SEED_002 = "seed:002_eb18d5e91bb62d37.txt";
    private static final String SEED_003 = "seed:003_67f9020dfa8c06b0.txt";
    private static final String SEED_004 = "seed:004_c8d6d7f66c761050.txt";

    private static JsonPath stories() {
        return given().queryParam("size", 100).get("/api/stories").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> storyWith(JsonPath page, String source) {
        List<Map<String, Object>> stories = page.getList("stories");
        return stories.stream()
                .filter(story -> sources(story).contains(source))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no story holds " + source));
    }

    @SuppressWarnings("unchecked")
    private static List<String> sources(Map<String, Object> story) {
        return ((List<Map<String, Object>>) story.get("articles")).stream().map(a -> (String) a.get("source")).toList();
    }

    private static long id(Map<String, Object> story) {
        return ((Number) story.get("id")).longValue();
    }

    @Test
    void the2020CoverageIsOneStoryAndThe2017TalksAnother() {
        JsonPath page = stories();
        Map<String, Object> offer = storyWith(page, SEED_000);
        assertThat(sources(offer)).containsExactlyInAnyOrder(SEED_000, SEED_001, SEED_003, SEED_004);
        assertThat(offer.get("outletCount")).isEqualTo(3); // the fifth seed names no outlet
        assertThat(offer.get("firstPublished")).isEqualTo("2020-09-25T15:45:00Z");
        Map<String, Object> talks = storyWith(page, SEED_002);
        assertThat(sources(talks)).containsExactly(SEED_002);
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);

        JsonPath detail = given().get("/api/stories/{id}", id(offer)).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("related.id", Long.class)).containsExactly(id(talks));
        assertThat(detail.getString("title")).isNotBlank();
        given().get("/api/stories/{id}", id(talks)).then().statusCode(200)
                .body("related[0].id", equalTo((int) id(offer)));
    }

    @Test
    void storyArticlesCarryOutletHeadlineDateAndSource() {
        Map<String, Object> offer = storyWith(stories(), SEED_000);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> articles = (List<Map<String, Object>>) offer.get("articles");
        Map<String, Object> jpost = articles.stream().filter(a -> SEED_003.equals(a.get("source"))).findFirst().orElseThrow();
        assertThat(jpost.get("outlet")).isEqualTo("The Jerusalem Post");
        assertThat(jpost.get("headline")).isEqualTo("Putin says Russia, US should agree not to meddle in each other's election");
        assertThat(jpost.get("publishedAt")).isEqualTo("2020-09-25T15:45:00Z");
    }

    @Test
    void alignmentLinksTheOfficialsQuoteVerbatimAndListsUniquePassages() {
        JsonPath page = stories();
        Map<String, Object> offer = storyWith(page, SEED_000);
        Map<String, Long> ids = articleIds(offer);
        JsonPath alignment = given().get("/api/stories/{id}/alignment", id(offer)).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> links = alignment.getList("links");
        Optional<Map<String, Object>> official = links.stream()
                .filter(link -> "verbatim".equals(link.get("kind")))
                .filter(link -> text(link, "a").contains("A good starting point for discussion would be Russia"))
                .findFirst();
        assertThat(official).isPresent();
        assertThat(List.of(article(official.get(), "a"), article(official.get(), "b")))
                .containsExactlyInAnyOrder(ids.get(SEED_000), ids.get(SEED_001));
        assertThat(text(official.get(), "b")).isEqualTo(text(official.get(), "a"));

        // Every span is the body text at its offsets.
        for (Map<String, Object> link : links) {
            for (String side : List.of("a", "b")) {
                String body = given().get("/api/articles/{id}", article(link, side)).then().extract().path("body");
                @SuppressWarnings("unchecked")
                Map<String, Object> span = (Map<String, Object>) link.get(side);
                assertThat(body.substring((int) span.get("start"), (int) span.get("end"))).isEqualTo(span.get("text"));
            }
        }
        List<Map<String, Object>> unique = alignment.getList("unique");
        assertThat(unique).anySatisfy(span -> {
            assertThat(((Number) span.get("article")).longValue()).isEqualTo(ids.get(SEED_001));
            assertThat((String) span.get("text")).contains("CrowdStrike had no proof");
        });
        assertThat(unique).anySatisfy(span -> {
            assertThat(((Number) span.get("article")).longValue()).isEqualTo(ids.get(SEED_004));
            assertThat((String) span.get("text")).contains("\"run out\" of Russians to sanction");
        });
    }

    @Test
    void paraphraseLinksCarryWordDiffs() {
        Map<String, Object> offer = storyWith(stories(), SEED_000);
        List<Map<String, Object>> links = given().get("/api/stories/{id}/alignment", id(offer)).then().statusCode(200)
                .extract().jsonPath().getList("links");
        Map<String, Object> reset = links.stream()
                .filter(link -> "paraphrase".equals(link.get("kind")))
                .filter(link -> (text(link, "a") + text(link, "b")).contains("reboot our relations")
                        && (text(link, "a") + text(link, "b")).contains("reset our relations"))
                .findFirst().orElseThrow(() -> new AssertionError("reboot/reset translations are not linked"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diff = (List<Map<String, Object>>) reset.get("diff");
        assertThat(diff).anySatisfy(op -> {
            assertThat(op.get("type")).isEqualTo("change");
            assertThat(List.of(spanText(op, "a"), spanText(op, "b"))).containsExactlyInAnyOrder("reboot", "reset");
        });
    }

    @Test
    void quotesAreGroupedAcrossArticlesWithTheirSpeaker() {
        Map<String, Object> offer = storyWith(stories(), SEED_000);
        List<Map<String, Object>> groups = given().get("/api/stories/{id}/alignment", id(offer)).then().statusCode(200)
                .extract().jsonPath().getList("quotes");
        Map<String, Object> digital = groups.stream()
                .filter(group -> members(group).stream().anyMatch(m -> ((String) m.get("text")).contains("digital field")))
                .findFirst().orElseThrow();
        assertThat(digital.get("speaker")).isEqualTo("Putin");
        assertThat(members(digital).stream().map(m -> (String) m.get("text")))
                .anyMatch(text -> text.contains("digital sphere"));
        assertThat(members(digital).stream().map(m -> ((Number) m.get("article")).longValue()).distinct().count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void articleComesWithParagraphsAtTheirOffsets() {
        long id = articleIds(storyWith(stories(), SEED_000)).get(SEED_003);
        JsonPath article = given().get("/api/articles/{id}", id).then().statusCode(200).extract().jsonPath();
        String body = article.getString("body");
        List<Map<String, Object>> paragraphs = article.getList("paragraphs");
        assertThat(paragraphs).isNotEmpty().allSatisfy(p ->
                assertThat(body.substring((int) p.get("start"), (int) p.get("end"))).isEqualTo(p.get("text")));
        assertThat(article.getString("source")).isEqualTo(SEED_003);
        assertThat(article.getLong("story")).isEqualTo(id(storyWith(stories(), SEED_000)));
    }

    @Test
    void unknownIdsAreJson404sAndBadPagingIsA400() {
        given().get("/api/stories/{id}", Long.MAX_VALUE).then().statusCode(404).body("error", equalTo("No story "
                + Long.MAX_VALUE + "."));
        given().get("/api/stories/{id}/alignment", Long.MAX_VALUE).then().statusCode(404);
        given().get("/api/articles/{id}", Long.MAX_VALUE).then().statusCode(404);
        given().queryParam("size", 0).get("/api/stories").then().statusCode(400)
                .body("error", equalTo("size must be between 1 and 100, was 0"));
        given().queryParam("page", -1).get("/api/stories").then().statusCode(400)
                .body("error", equalTo("page must be 0 or more, was -1"));
        // JAX-RS answers an unparsable number parameter with 404, as if /api/stories did not exist.
        given().queryParam("page", "two").get("/api/stories").then().statusCode(400)
                .body("error", equalTo("page must be a whole number, not “two”."));
        given().queryParam("size", "99999999999").get("/api/stories").then().statusCode(400)
                .body("error", equalTo("size is out of range: 99999999999."));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/stories/{id}/alignment'.get.summary", equalTo(
                        "The story's stored alignment: passage links with word diffs, unique passages, quote groups"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> articleIds(Map<String, Object> story) {
        return ((List<Map<String, Object>>) story.get("articles")).stream()
                .collect(java.util.stream.Collectors.toMap(a -> (String) a.get("source"),
                        a -> ((Number) a.get("id")).longValue()));
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> link, String side) {
        return (String) ((Map<String, Object>) link.get(side)).get("text");
    }

    @SuppressWarnings("unchecked")
    private static String spanText(Map<String, Object> op, String side) {
        return (String) ((Map<String, Object>) op.get(side)).get("text");
    }

    @SuppressWarnings("unchecked")
    private static long article(Map<String, Object> link, String side) {
        return ((Number) ((Map<String, Object>) link.get(side)).get("article")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("members");
    }
}
