package org.parallax.ingest.html.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Precision and recall of extracted text against expected text: lower-cased {@code \w+} tokens (Unicode
 * word characters), 4-token shingles counted with multiplicity. A text of 1 to 3 tokens is one shingle.
 */
public final class ShingleOverlap {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    public record Score(double precision, double recall) {
    }

    private ShingleOverlap() {
    }

    public static Score score(String extracted, String expected) {
        Map<String, Integer> ours = shingles(extracted);
        Map<String, Integer> theirs = shingles(expected);
        int ourTotal = total(ours);
        int theirTotal = total(theirs);
        if (ourTotal == 0 && theirTotal == 0) {
            return new Score(1, 1);
        }
        int common = 0;
        for (Map.Entry<String, Integer> entry : ours.entrySet()) {
            common += Math.min(entry.getValue(), theirs.getOrDefault(entry.getKey(), 0));
        }
        return new Score(ourTotal == 0 ? 0 : common / (double) ourTotal, theirTotal == 0 ? 0 : common / (double) theirTotal);
    }

    static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        if (tokens.size() < SHINGLE) {
            counts.put(String.join(" ", tokens), 1);
            return counts;
        }
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        int total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }
}
