package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A search reads at most {@code parallax.search.candidates} matches (the newest). Here the limit is 2, so
 * "Putin", which every seed mentions, has more matches than one search reads: the total must say it is an
 * estimate, ranking, facets and paging must cover the two newest matches only, and the page must say so.
 */
@QuarkusTest
@TestProfile(SearchCandidateLimitTests.TwoCandidates.class)
class SearchCandidateLimitTests {

    @Inject
    EntityManager em;

    public static class TwoCandidates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parallax.search.candidates", "2");
        }
    }

    @Test
    void moreMatchesThanTheLimitGiveAnEstimatedTotalAndFacetsOverTheNewest() {
        JsonPath json = given().queryParam("q", "Putin").queryParam("size", 50).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("totalExact")).isFalse();
        assertThat(json.getLong("counted")).isEqualTo(2);
        assertThat(json.getLong("total")).isGreaterThan(2);
        assertThat(json.getList("hits")).hasSize(2);
        assertThat(json.getString("next")).isNull();
        // Facets count the two candidates and nothing else: the outlet counts are the hits' outlets.
        Map<String, Long> hitOutlets = json.getList("hits.outlet", String.class).stream()
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        List<Map<String, Object>> outlets = json.getList("facets.outlets");
        Map<String, Long> facetOutlets = outlets.stream().collect(Collectors.toMap(o -> (String) o.get("key"),
                o -> ((Number) o.get("count")).longValue()));
        assertThat(facetOutlets).isEqualTo(hitOutlets);
    }

    /**
     * The candidates are the newest matches (undated last). Articles with the same date (here: the undated
     * seeds) are interchangeable at the limit, so the dates are compared, not the ids.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCandidatesAreTheNewestMatches() {
        List<String> hits = given().queryParam("q", "Putin").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.publishedAt", String.class);
        // Independent oracle: plain SQL without the RUM index's ordering, newest first.
        List<Number> newest = em.createNativeQuery("select cast(extract(epoch from published_at) as bigint) from article "
                + "where search_vector @@ websearch_to_tsquery('english', 'Putin') "
                + "order by published_at desc nulls last limit 2").getResultList();
        assertThat(hits.stream().map(d -> d == null ? null : java.time.Instant.parse(d).getEpochSecond()).toList())
                .containsExactlyInAnyOrderElementsOf(newest.stream().map(n -> n == null ? null : n.longValue()).toList());
    }

    @Test
    void exactTotalsStayExact() {
        JsonPath json = given().queryParam("q", "Derkach").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("totalExact")).isTrue();
        assertThat(json.getLong("total")).isEqualTo(json.getLong("counted")).isEqualTo(1);
    }

    @Test
    void thePageSaysTheTotalIsAnEstimateAndWhatWasCounted() {
        String html = given().queryParam("q", "Putin").when().get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).containsPattern("About [\\d,]+ results</h2>")
                .contains("the 2 most recent matches")
                .contains("Counts among the 2 most recent matches.");
    }
}
