package org.parallax.ingest.html;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text clean-up shared by metadata and body: one place decides what "normalised" means. */
final class Texts {

    /** Every Unicode space, NBSP included, collapses to one ASCII space. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    /** Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]");

    private Texts() {
    }

    /** NFC, invisible characters dropped, runs of whitespace collapsed, trimmed; null for blank input. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = INVISIBLE.matcher(raw).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Like {@link #clean} but keeps single line breaks (a {@code <br>} inside a paragraph, a line of a
     * poem or an address) while collapsing every other run of whitespace.
     */
    static String cleanKeepingLines(String raw) {
        if (raw == null || raw.indexOf('\n') < 0) {
            return clean(raw);
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.split("\n")) {
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

    static boolean isBlank(String text) {
        return text == null || clean(text) == null;
    }
}
