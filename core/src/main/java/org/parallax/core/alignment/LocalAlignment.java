package org.parallax.core.alignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.text.Token;

/**
 * Smith-Waterman local alignment over words: the stretch of two sentences that agrees best, tolerating
 * changed, added and dropped words. Content words that match exactly score more than function words, so a
 * run of "of the" cannot carry an alignment; words that share a stem or synonym group match at a discount.
 */
final class LocalAlignment {

    private static final double CONTENT_MATCH = 2.0;
    private static final double FUNCTION_MATCH = 1.0;
    private static final double KEY_MATCH = 1.5;
    private static final double MISMATCH = -1.0;
    private static final double GAP = -1.0;

    /**
     * The best local alignment. {@code [aFrom, aTo)} and {@code [bFrom, bTo)} index the token lists.
     *
     * @param exact aligned words with the same surface form
     * @param contentExact of those, content words
     * @param namesExact of those, capitalised content words (names, mostly)
     * @param keyed aligned words that differ in form but share a stem or synonym group
     * @param edits mismatched words plus words present on one side only
     */
    record Result(int aFrom, int aTo, int bFrom, int bTo, int exact, int contentExact, int namesExact, int keyed, int edits,
            double score) {

        int columns() {
            return exact + keyed + edits;
        }

        boolean isEmpty() {
            return aTo <= aFrom || bTo <= bFrom;
        }
    }

    private LocalAlignment() {
    }

    /**
     * Words as small integers, so that the n*m inner loop compares ints rather than strings. One encoding
     * serves every alignment of a story.
     */
    static final class Encoding {
        private final Map<String, Integer> norms = new HashMap<>();
        private final Map<String, Integer> keys = new HashMap<>();

        Encoded encode(List<Token> tokens) {
            int[] normIds = new int[tokens.size()];
            int[] keyIds = new int[tokens.size()];
            for (int k = 0; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                int norm = norms.computeIfAbsent(token.norm(), x -> norms.size() + 1);
                // the sign says whether the word is a content word; function words have no key
                normIds[k] = token.isContent() ? norm : -norm;
                keyIds[k] = token.isContent() ? keys.computeIfAbsent(token.key(), x -> keys.size() + 1) : NO_KEY;
            }
            return new Encoded(tokens, normIds, keyIds);
        }
    }

    /** Tokens with their word and key ids. */
    record Encoded(List<Token> tokens, int[] norms, int[] keys) {
    }

    private static final int NO_KEY = 0;

    static Result align(Encoded left, Encoded right) {
        List<Token> a = left.tokens();
        List<Token> b = right.tokens();
        int n = a.size();
        int m = b.size();
        int[] aNorm = left.norms();
        int[] aKey = left.keys();
        int[] bNorm = right.norms();
        int[] bKey = right.keys();
        double[] h = new double[(n + 1) * (m + 1)];
        int width = m + 1;
        double best = 0;
        int bestI = 0;
        int bestJ = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double diagonal = h[(i - 1) * width + j - 1] + score(aNorm[i - 1], aKey[i - 1], bNorm[j - 1], bKey[j - 1]);
                double value = Math.max(0, Math.max(diagonal,
                        Math.max(h[(i - 1) * width + j] + GAP, h[i * width + j - 1] + GAP)));
                h[i * width + j] = value;
                if (value > best) {
                    best = value;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        int i = bestI;
        int j = bestJ;
        int exact = 0;
        int contentExact = 0;
        int namesExact = 0;
        int keyed = 0;
        int edits = 0;
        while (i > 0 && j > 0 && h[i * width + j] > 0) {
            double s = score(aNorm[i - 1], aKey[i - 1], bNorm[j - 1], bKey[j - 1]);
            if (h[i * width + j] == h[(i - 1) * width + j - 1] + s) {
                Token x = a.get(i - 1);
                if (aNorm[i - 1] == bNorm[j - 1]) {
                    exact++;
                    if (x.isContent()) {
                        contentExact++;
                        if (x.capitalised() && b.get(j - 1).capitalised()) {
                            namesExact++;
                        }
                    }
                } else if (s > 0) {
                    keyed++;
                } else {
                    edits++;
                }
                i--;
                j--;
            } else if (h[i * width + j] == h[(i - 1) * width + j] + GAP) {
                edits++;
                i--;
            } else {
                edits++;
                j--;
            }
        }
        int aFrom = i;
        int bFrom = j;
        int aTo = bestI;
        int bTo = bestJ;
        // A stretch starts and ends on identical words: "propose)... exchanging" is no place to begin a link.
        if (aTo - aFrom > 1 && aNorm[aFrom] != bNorm[bFrom]) {
            aFrom++;
            bFrom++;
            keyed--;
        }
        if (aTo - aFrom > 1 && aNorm[aTo - 1] != bNorm[bTo - 1]) {
            aTo--;
            bTo--;
            keyed--;
        }
        return new Result(aFrom, aTo, bFrom, bTo, exact, contentExact, namesExact, keyed, edits, best);
    }

    private static double score(int xNorm, int xKey, int yNorm, int yKey) {
        if (xNorm == yNorm) {
            return xNorm > 0 ? CONTENT_MATCH : FUNCTION_MATCH;
        }
        if (xKey != NO_KEY && xKey == yKey) {
            return KEY_MATCH;
        }
        return MISMATCH;
    }
}
