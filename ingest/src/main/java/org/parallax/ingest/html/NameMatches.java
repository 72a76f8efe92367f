package org.parallax.ingest.html;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Remembers which class/id strings match which patterns, so each distinct string is matched once. */
final class NameMatches {

    private final Map<Pattern, Map<String, Boolean>> results = new IdentityHashMap<>();

    boolean test(String name, Pattern pattern) {
        if (name.isEmpty()) {
            return false;
        }
        return results.computeIfAbsent(pattern, p -> new HashMap<>())
                .computeIfAbsent(name, n -> pattern.matcher(n).find());
    }
}
