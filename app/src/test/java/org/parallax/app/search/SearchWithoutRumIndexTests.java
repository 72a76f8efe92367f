package org.parallax.app.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parallax.app.support.SeedArticles;
import org.parallax.core.search.SearchService;

/**
 * Search on a PostgreSQL without the {@code rum} extension (the stock {@code postgres:15} image of
 * deploy/compose.yaml): V80 keeps the GIN index there and the service walks the publication-date index
 * instead. CI's server has the extension, so this test puts the database into that shape for its
 * duration (GIN index back, RUM index dropped) and restores V80's index afterwards.
 */
@QuarkusTest
class SearchWithoutRumIndexTests {

    private static final String RUM_INDEX = "create index if not exists article_search_rum_idx on article "
            + "using rum (search_vector rum_tsvector_addon_ops, published_at) "
            + "with (attach = 'published_at', to = 'search_vector')";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SearchService search;

    @Inject
    SeedArticles seeds;

    private boolean hadRumIndex;

    @BeforeEach
    void withoutTheRumIndex() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("select 1 from pg_indexes where indexname = 'article_search_rum_idx'")) {
                hadRumIndex = rs.next();
            }
            s.execute("create index if not exists article_search_idx on article using gin (search_vector)");
            s.execute("drop index if exists article_search_rum_idx");
        }
        search.refreshIndexInformation();
    }

    @AfterEach
    void restoreTheRumIndex() throws SQLException {
        if (hadRumIndex) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(RUM_INDEX);
                s.execute("drop index if exists article_search_idx");
            }
        }
        search.refreshIndexInformation();
    }

    private JsonPath searchFor(String q) {
        return given().queryParam("q", q).queryParam("size", 50)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private Set<String> seedHits(String q) {
        List<Integer> ids = searchFor(q).getList("hits.articleId", Integer.class);
        return seeds.namesOf(ids.stream().map(Integer::longValue).toList());
    }

    @Test
    void theAcceptanceQueriesGiveTheSameAnswersOverTheGinIndex() {
        assertThat(seedHits("\"non-interference\"")).containsExactlyInAnyOrder("001", "003", "004");
        assertThat(seedHits("Derkach")).containsExactly("000");
        assertThat(seedHits("meddling -CrowdStrike")).containsExactlyInAnyOrder("000", "002", "003", "004");
        assertThat(seedHits("Putin outlet:\"The Jerusalem Post\"")).containsExactly("003");
    }

    @Test
    void snippetsFacetsAndTotalsStillComeBack() {
        JsonPath json = searchFor("Derkach");
        String snippet = json.getString("hits[0].snippet");
        assertThat(snippet.substring(json.getInt("hits[0].highlights[0].start"),
                json.getInt("hits[0].highlights[0].end"))).isEqualTo("Derkach");
        assertThat(json.getLong("total")).isPositive();
        assertThat(json.getList("facets.outlets")).isNotEmpty();
    }
}
