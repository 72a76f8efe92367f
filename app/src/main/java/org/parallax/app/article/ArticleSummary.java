package org.parallax.app.article;

import java.time.Instant;

/** One line of a listing: enough to choose an article. */
public record ArticleSummary(long id, String headline, String dek, String outlet, Instant publishedAt,
                             String lead) {
}
