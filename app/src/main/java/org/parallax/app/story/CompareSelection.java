package org.parallax.app.story;

import java.util.ArrayList;
import java.util.List;
import org.parallax.app.web.InvalidRequest;

/**
 * The articles a compare address asks for: {@code articles=1,4} or repeated {@code articles=1&articles=4}
 * (what the page's plain HTML forms send), 2 to 4 distinct ids, in column order.
 */
final class CompareSelection {

    static final int MIN = 2;
    static final int MAX = 4;

    private CompareSelection() {
    }

    static List<Long> parse(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                String id = part.strip();
                if (id.isEmpty()) {
                    continue;
                }
                long parsed;
                try {
                    parsed = Long.parseLong(id);
                } catch (NumberFormatException e) {
                    throw new InvalidRequest("“" + shorten(id) + "” is not an article number. Choose articles to "
                            + "compare from the story page.");
                }
                if (ids.contains(parsed)) {
                    throw new InvalidRequest("Article " + parsed + " is chosen twice. Choose " + MIN + " to " + MAX
                            + " different articles.");
                }
                ids.add(parsed);
            }
        }
        if (ids.size() < MIN || ids.size() > MAX) {
            throw new InvalidRequest("Choose " + MIN + " to " + MAX + " articles to compare; "
                    + (ids.isEmpty() ? "none were" : ids.size() == 1 ? "only one was" : ids.size() + " were") + " chosen.");
        }
        return ids;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
