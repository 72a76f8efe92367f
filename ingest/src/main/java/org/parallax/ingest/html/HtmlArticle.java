package org.parallax.ingest.html;

import java.nio.charset.Charset;
import org.parallax.core.article.ArticleDraft;

/**
 * An extracted HTML page: the article draft plus what the page said about itself that the draft has no
 * field for.
 *
 * @param canonicalUrl the page's declared address ({@code link rel=canonical}, {@code og:url}), or null
 * @param siteName the site name the page declares ({@code og:site_name}, JSON-LD publisher), or null
 * @param charset the charset the bytes were decoded with
 */
public record HtmlArticle(ArticleDraft draft, String canonicalUrl, String siteName, Charset charset) {
}
