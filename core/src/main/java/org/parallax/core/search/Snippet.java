package org.parallax.core.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with the matched words marked, as plain segments. Templates render each segment escaped and wrap
 * the matched ones in {@code <mark>}, so article text can never become markup.
 */
public record Snippet(List<Segment> segments) {

    /** One run of text; {@code match} when it is a matched word. */
    public record Segment(String text, boolean match) {
    }

    static final char START = '\u0002';
    static final char STOP = '\u0003';

    /** Splits {@code ts_headline} output produced with {@link #START}/{@link #STOP} as selection markers. */
    public static Snippet fromHeadline(String marked) {
        List<Segment> segments = new ArrayList<>();
        if (marked == null) {
            return new Snippet(segments);
        }
        StringBuilder run = new StringBuilder();
        boolean inMatch = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == STOP) {
                if (!run.isEmpty()) {
                    segments.add(new Segment(run.toString(), inMatch));
                    run.setLength(0);
                }
                inMatch = c == START;
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(run.toString(), inMatch));
        }
        return new Snippet(segments);
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
