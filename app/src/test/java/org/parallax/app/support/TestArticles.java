package org.parallax.app.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles a test stored, removed the way an editor removes them: through {@code POST
 * /api/articles/{id}/removal}, which takes the article's story lock before deleting the row. A plain
 * {@code DELETE} bypassed that lock, so an alignment of the article's story running in the background
 * failed on a foreign key ("alignment failed" in the test log) and had to be retried.
 */
public final class TestArticles {

    private TestArticles() {
    }

    /** Removes the article, which must exist. */
    public static void remove(long articleId) {
        assertThat(post(articleId)).as("removal of article %d", articleId).isEqualTo(200);
    }

    /** For a {@code finally} block: removes the article unless it is already gone. */
    public static void removeIfPresent(long articleId) {
        assertThat(post(articleId)).as("removal of article %d", articleId).isIn(200, 404, 410);
    }

    private static int post(long articleId) {
        return TestSessions.editor().request().contentType("application/json")
                .body("{\"reason\":\"Stored by a test, removed after it\"}")
                .when().post("/api/articles/{id}/removal", articleId).then().extract().statusCode();
    }
}
