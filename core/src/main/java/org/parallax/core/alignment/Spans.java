package org.parallax.core.alignment;

/** Span adjustments so that a linked passage never shows half a bracket pair. */
final class Spans {

    private static final String OPEN = "([";
    private static final String CLOSE = ")]";

    private Spans() {
    }

    /**
     * Widens {@code [start, end)} over a bracket whose partner lies inside it: words are what get aligned, so
     * "[I propose] to exchange" would otherwise start at "I propose]".
     */
    static int[] balance(String text, int start, int end) {
        for (int kind = 0; kind < OPEN.length(); kind++) {
            char open = OPEN.charAt(kind);
            char close = CLOSE.charAt(kind);
            int depth = 0;
            int unmatchedClose = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == open) {
                    depth++;
                } else if (c == close) {
                    if (depth == 0) {
                        unmatchedClose++;
                    } else {
                        depth--;
                    }
                }
            }
            if (unmatchedClose > 0 && start > 0 && text.charAt(start - 1) == open) {
                start--;
            }
            if (depth > 0 && end < text.length() && text.charAt(end) == close) {
                end++;
            }
        }
        return new int[] {start, end};
    }
}
