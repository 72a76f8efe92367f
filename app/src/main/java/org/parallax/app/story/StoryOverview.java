package org.parallax.app.story;

import java.time.Instant;
import java.util.List;

/** The coverage overview of one story. */
public record StoryOverview(
        StoryData story,
        Timeline timeline,
        List<StoryData.Member> matrixColumns,
        List<MatrixRow> passageRows,
        List<MatrixRow> quoteRows,
        List<QuoteView> quotes) {

    /** A row of the coverage matrix: one passage (or quote) and how each article carries it. */
    public record MatrixRow(String label, String href, List<MatrixCell> cells) {
    }

    /** How one article carries a row: verbatim, near, paraphrase, unique (only this one), or absent. */
    public record MatrixCell(String kind, String href) {
        public boolean isAbsent() {
            return "absent".equals(kind);
        }

        public String text() {
            return switch (kind) {
                case "unique" -> "only here";
                case "quoted" -> "quoted";
                default -> kind;
            };
        }

        public String symbol() {
            return switch (kind) {
                case "verbatim" -> "●";
                case "near" -> "◕";
                case "paraphrase" -> "◑";
                case "unique" -> "★";
                default -> "○";
            };
        }
    }

    /** A quote across outlets: what was said, by whom, and who carries it. */
    public record QuoteView(String speaker, String text, List<Carrier> carriers) {
    }

    public record Carrier(long article, String outlet, int start, String speaker) {
    }

    public record Related(long id, String title, Instant firstPublished, Instant lastPublished) {
    }

    /** A server-drawn SVG timeline: one lane per dated article. */
    public record Timeline(int width, int height, List<Point> points, List<Tick> ticks, List<StoryData.Member> undated) {
        public boolean hasPoints() {
            return !points.isEmpty();
        }

        public int axisY() {
            return height - 28;
        }

        public int plotLeft() {
            return Timelines.PLOT_LEFT;
        }

        public int plotRight() {
            return width - Timelines.PLOT_RIGHT_MARGIN;
        }
    }

    public record Point(long article, String outlet, String when, int x, int y) {
        public int labelY() {
            return y + 5;
        }
    }

    public record Tick(int x, String label, String anchor) {
    }

    public List<StoryData.Member> articles() {
        return story.articles();
    }
}
