package org.parallax.app.web;

import java.util.OptionalLong;
import org.parallax.core.text.ControlCharacters;

/**
 * Whole numbers from the query string. JAX-RS must answer 404 when a numeric {@code @QueryParam} does not parse,
 * so {@code /?page=abc} said "There is nothing at /" about a page that exists. Resources take such parameters
 * as text and read them here, which answers 400 with the parameter's name instead.
 */
public final class QueryNumbers {

    private static final int SHOWN_CHARS = 40;

    private QueryNumbers() {
    }

    /** The number, or empty when the parameter is absent or blank. */
    public static OptionalLong parse(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            String shown = raw.length() > SHOWN_CHARS ? raw.substring(0, SHOWN_CHARS) + "…" : raw;
            throw new InvalidRequest(name + " must be a whole number, not “" + ControlCharacters.replace(shown) + "”.");
        }
    }

    /** The number within int range, or the default when absent; out-of-range values are refused the same way. */
    public static int parseInt(String name, String raw, int defaultValue) {
        OptionalLong value = parse(name, raw);
        if (value.isEmpty()) {
            return defaultValue;
        }
        long number = value.getAsLong();
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new InvalidRequest(name + " is out of range: " + number + ".");
        }
        return (int) number;
    }
}
