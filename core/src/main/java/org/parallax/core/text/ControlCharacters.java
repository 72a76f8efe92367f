package org.parallax.core.text;

import java.util.regex.Pattern;

/**
 * Control and invisible format characters in text people type into search and filter fields: nobody means
 * them, PostgreSQL refuses NUL in any text value (the request would fail), and the others only stop words
 * from matching. Tabs and line breaks are ordinary white space and stay.
 */
public final class ControlCharacters {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t\\n\\r]]");

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
