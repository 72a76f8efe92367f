package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How much of one text's wording another text repeats, by words rather than characters. */
final class TextSimilarity {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

    private TextSimilarity() {
    }

    /**
     * 1 when every word of {@code b} occurs in {@code a}, towards 0 as more of {@code b}'s text is
     * made of words {@code a} lacks; 0 when either is empty.
     */
    static double similarity(String a, String b) {
        List<String> tokensA = tokens(a);
        List<String> tokensB = tokens(b);
        if (tokensA.isEmpty() || tokensB.isEmpty()) {
            return 0;
        }
        Set<String> inA = new HashSet<>(tokensA);
        int uniqueLength = -1;
        int totalLength = -1;
        for (String token : tokensB) {
            totalLength += token.length() + 1;
            if (!inA.contains(token)) {
                uniqueLength += token.length() + 1;
            }
        }
        return 1 - Math.max(uniqueLength, 0) / (double) totalLength;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
