package org.parallax.ingest.extract;

import java.util.Objects;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.RawDocument;

/**
 * One article found in an input, or the one-line reason an input (or one record of it) could not be
 * read. Exactly one of {@code article} and {@code error} is set.
 *
 * @param source the input name, or the record's URL inside a feed or WARC
 */
public record ExtractionResult(String source, RawDocument raw, ArticleDraft article, String error) {

    public ExtractionResult {
        Objects.requireNonNull(source, "source");
        if ((article == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of article and error must be set");
        }
        if (article != null && raw == null) {
            throw new IllegalArgumentException("an extracted article needs its raw document");
        }
    }

    public static ExtractionResult ok(RawDocument raw, ArticleDraft article) {
        return new ExtractionResult(article.source(), raw, article, null);
    }

    public static ExtractionResult failed(String source, String error) {
        return new ExtractionResult(source, null, null, error);
    }

    public boolean isOk() {
        return error == null;
    }
}
