package org.parallax.ingest.html;

/**
 * How far to trust an extraction, from 0 to 1. Half of it is the body (how strongly one block of the
 * page won the scoring, how much text it holds, how little of it is links, whether the filters had to
 * be relaxed), half the metadata (a declared title, a date, a byline, a known publisher).
 */
final class Confidence {

    /** A content score that signals a clear winner: several substantial paragraphs under one parent. */
    private static final double STRONG_SCORE = 60;
    /** Words at which a body counts as a full article rather than a teaser. */
    private static final double FULL_ARTICLE_WORDS = 400;

    record Signals(double contentScore, int words, double linkDensity, boolean relaxed, boolean declaredTitle,
            boolean date, boolean byline, boolean outlet) {
    }

    private Confidence() {
    }

    static double of(Signals s) {
        double score = Math.min(1, Math.max(0, s.contentScore()) / STRONG_SCORE);
        double length = Math.min(1, s.words() / FULL_ARTICLE_WORDS);
        double links = 1 - Math.min(1, s.linkDensity() * 2);
        double body = (0.3 * score + 0.45 * length + 0.25 * links) * (s.relaxed() ? 0.7 : 1);
        double metadata = (s.declaredTitle() ? 0.4 : 0) + (s.date() ? 0.25 : 0) + (s.byline() ? 0.15 : 0)
                + (s.outlet() ? 0.2 : 0);
        double confidence = 0.5 * body + 0.5 * metadata;
        return Math.round(confidence * 100) / 100.0;
    }
}
