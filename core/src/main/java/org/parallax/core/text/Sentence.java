package org.parallax.core.text;

/** A sentence's place in a text: {@code [start, end)}, trimmed of surrounding whitespace. */
public record Sentence(int start, int end) {

    public String text(String source) {
        return source.substring(start, end);
    }
}
