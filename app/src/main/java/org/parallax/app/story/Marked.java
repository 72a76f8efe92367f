package org.parallax.app.story;

import java.util.List;

/**
 * An article's paragraphs cut into plain text and marked passages, ready for a template. Every paragraph and
 * passage carries its character offsets into the article's stored body, so later layers (annotations) can
 * address them.
 */
public final class Marked {

    private Marked() {
    }

    /** A paragraph of one article, cut into pieces. */
    public record Paragraph(long article, String kind, int start, int end, List<Piece> pieces) {
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

    /**
     * Text of a paragraph: plain when {@code passage} is null, else part of a marked passage. A passage cut by
     * a paragraph break appears in both paragraphs; only its first piece carries the passage's anchor.
     */
    public record Piece(int start, int end, Passage passage, boolean first, List<Segment> segments) {
        public boolean isPlain() {
            return passage == null;
        }
    }

    /** Words inside a passage; {@code differs} marks words its counterparts word differently. */
    public record Segment(String text, boolean differs) {
    }

    /**
     * A passage of one article: a stored link end, a unique sentence, or several overlapping ones merged.
     *
     * @param kind        verbatim, near, paraphrase (the closest link shown) or unique
     * @param description what the mark means, in words, for people who cannot see the colour
     * @param counterparts anchors of the linked passages on the same page
     * @param jumps        links to counterparts that the page shows somewhere else
     */
    public record Passage(long article, String anchor, int start, int end, String kind, String description,
                          List<String> counterparts, List<Jump> jumps) {

        public String counterpartList() {
            return String.join(" ", counterparts);
        }

        public boolean isLinked() {
            return !counterparts.isEmpty();
        }
    }

    /** A link to a counterpart placed elsewhere. */
    public record Jump(String href, String text, String label) {
    }
}
