package org.parallax.ingest.html;

import java.text.Normalizer;

/** Text clean-up shared by metadata and body: one place decides what "normalised" means. */
final class Texts {

    /**
     * Marks a line break the markup asked for ({@code <br>}), as opposed to a newline in the source,
     * which is just whitespace. U+2028 LINE SEPARATOR is itself a line break, so it may stay as one.
     */
    static final char LINE_BREAK = '\u2028';

    private Texts() {
    }

    /**
     * NFC, invisible characters (zero-width space, word joiner, BOM, soft hyphen) dropped, every run of
     * whitespace (NBSP and the other Unicode spaces included) collapsed to one ASCII space, trimmed;
     * null for blank input.
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        if (out.length() == 0) {
            return null;
        }
        String text = out.toString();
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /**
     * Like {@link #clean} but turns each {@link #LINE_BREAK} into a newline (a {@code <br>} inside a
     * paragraph: a line of a poem, an address) while collapsing every other run of whitespace.
     */
    static String cleanKeepingLines(String raw) {
        if (raw == null || raw.indexOf(LINE_BREAK) < 0) {
            return clean(raw);
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.split(String.valueOf(LINE_BREAK))) {
            String cleaned = clean(line);
            if (cleaned != null) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(cleaned);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
