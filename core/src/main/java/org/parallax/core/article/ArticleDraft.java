package org.parallax.core.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A normalised article as extraction produced it, before it is stored. Everything ingest knows about
 * one article; the body text and paragraph offsets are derived from {@link #paragraphs()} on storage.
 *
 * @param source where the article came from (file name, URL or WARC target URI)
 * @param outlet the publisher's name, or null when it could not be recognised
 * @param outletDomain the publisher's domain when known from a URL
 */
public record ArticleDraft(
        String source,
        String url,
        String outlet,
        String outletDomain,
        String headline,
        boolean headlineDerived,
        String dek,
        String byline,
        Instant publishedAt,
        String language,
        List<Block> paragraphs,
        double confidence,
        List<String> warnings) {

    public ArticleDraft {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(headline, "headline");
        paragraphs = List.copyOf(paragraphs);
        warnings = List.copyOf(warnings);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    /** One block of body text. */
    public record Block(ParagraphKind kind, String text) {
        public Block {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }
}
