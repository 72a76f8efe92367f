package org.parallax.app.article;

import java.time.Instant;
import java.util.List;

/** What the reader page shows of one article. */
public record ArticleView(
        long id,
        String headline,
        boolean headlineDerived,
        String dek,
        String byline,
        String outlet,
        Instant publishedAt,
        String language,
        int wordCount,
        double confidence,
        List<String> warnings,
        String source,
        List<Block> blocks) {

    /** A paragraph with its offsets into the stored body. */
    public record Block(String kind, String text, int start, int end) {
        public boolean isHeading() {
            return "heading".equals(kind);
        }

        public boolean isQuote() {
            return "quote".equals(kind);
        }

        public boolean isCaption() {
            return "caption".equals(kind);
        }
    }

    public int confidencePercent() {
        return (int) Math.round(confidence * 100);
    }
}
