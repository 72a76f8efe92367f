package org.parallax.app.article;

import java.time.Instant;
import java.util.List;
import org.parallax.core.search.Snippet;

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
        Long storyId,
        List<Block> blocks,
        Instant correctedAt) {

    /**
     * A paragraph with its offsets into the stored body; {@code marked} holds the text with search matches
     * marked when the reader came from a search, and {@code firstHit} flags the paragraph to scroll to.
     */
    public record Block(String kind, String text, int start, int end, Snippet marked, boolean firstHit) {
        public Block(String kind, String text, int start, int end) {
            this(kind, text, start, end, null, false);
        }

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

    /** The same article with search matches marked paragraph by paragraph. */
    public ArticleView withHighlights(List<Snippet> marked) {
        if (marked.size() != blocks.size()) {
            return this;
        }
        List<Block> highlighted = new java.util.ArrayList<>();
        boolean firstSeen = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean first = !firstSeen && marked.get(i).hasMatch();
            firstSeen |= first;
            highlighted.add(new Block(b.kind(), b.text(), b.start(), b.end(), marked.get(i), first));
        }
        return new ArticleView(id, headline, headlineDerived, dek, byline, outlet, publishedAt, language, wordCount,
                confidence, warnings, source, storyId, highlighted, correctedAt);
    }

    public int confidencePercent() {
        return (int) Math.round(confidence * 100);
    }
}
