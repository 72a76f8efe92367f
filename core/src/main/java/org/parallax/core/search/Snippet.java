package org.parallax.core.search;

import java.util.List;

/**
 * Text with the matched words marked, as plain segments. Templates render each segment escaped and wrap
 * the matched ones in {@code <mark>}, so article text can never become markup.
 */
public record Snippet(List<Segment> segments) {

    /** One run of text; {@code match} when it is a matched word. */
    public record Segment(String text, boolean match) {
    }

    public String plainText() {
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(s.text()));
        return text.toString();
    }

    public boolean hasMatch() {
        return segments.stream().anyMatch(Segment::match);
    }
}
