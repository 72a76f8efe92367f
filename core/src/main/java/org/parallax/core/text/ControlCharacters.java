package org.parallax.core.text;

import java.util.regex.Pattern;

/**
 * Control and invisible format characters in text people type into search and filter fields: nobody means
 * them, PostgreSQL refuses NUL in any text value (the request would fail), and the others only stop words
 * from matching. Tabs and line breaks are ordinary white space and stay. So do the invisible characters
 * that are part of writing: the zero-width non-joiner and joiner, without which Persian, Urdu and the
 * Indic scripts spell words differently ("می‌خواهم") and emoji sequences fall apart, and the
 * left-to-right, right-to-left and Arabic letter marks that place punctuation in mixed-direction text.
 */
public final class ControlCharacters {

    private static final Pattern CONTROL =
            Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t\\n\\r\\u200C\\u200D\\u200E\\u200F\\u061C]]");

    private ControlCharacters() {
    }

    public static boolean present(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    /** Each one a space; null stays null. */
    public static String replace(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll(" ");
    }
}
