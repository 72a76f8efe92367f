package org.parallax.ingest.html;

import java.time.Instant;

/**
 * What a page says about itself, before its body is read. Each field is null when the page is silent.
 *
 * @param title the article title, with a site name cut off a {@code <title>} when that was the source
 * @param description the summary the page offers (Open Graph, meta or JSON-LD description)
 * @param language the declared language as a lower-case ISO 639-1 code
 */
record PageMetadata(String title, String description, String byline, Instant publishedAt, String language,
        String siteName, String canonicalUrl) {
}
