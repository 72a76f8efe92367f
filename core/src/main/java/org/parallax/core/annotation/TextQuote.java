package org.parallax.core.annotation;

import java.util.Objects;

/**
 * Where an annotation points, as the W3C Web Annotation model says it: a {@code TextQuoteSelector}
 * (the exact text with some text before and after it) and a {@code TextPositionSelector} (character
 * offsets into the article's stored body, end exclusive). The quote is the truth; the position is a hint.
 */
public record TextQuote(String exact, String prefix, String suffix, int start, int end) {

    /** How much context a selector keeps on each side. */
    public static final int CONTEXT = 32;

    public TextQuote {
        Objects.requireNonNull(exact, "exact");
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        if (exact.isEmpty()) {
            throw new IllegalArgumentException("an annotation must quote some text");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad position " + start + ".." + end);
        }
    }

    /** The selectors for {@code text[start, end)}, with up to {@link #CONTEXT} characters of context. */
    public static TextQuote of(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("span " + start + ".." + end + " is not inside the text (length "
                    + text.length() + ")");
        }
        return new TextQuote(text.substring(start, end), text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)), start, end);
    }
}
