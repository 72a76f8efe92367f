package org.parallax.core.alignment;

import java.util.List;
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

    static Result align(List<Token> a, List<Token> b) {
        int n = a.size();
        int m = b.size();
        double[][] h = new double[n + 1][m + 1];
        double best = 0;
        int bestI = 0;
        int bestJ = 0;
        for (int i = 1; i <= n; i++) {
            Token x = a.get(i - 1);
            for (int j = 1; j <= m; j++) {
                double diagonal = h[i - 1][j - 1] + score(x, b.get(j - 1));
                double value = Math.max(0, Math.max(diagonal, Math.max(h[i - 1][j] + GAP, h[i][j - 1] + GAP)));
                h[i][j] = value;
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
        while (i > 0 && j > 0 && h[i][j] > 0) {
            Token x = a.get(i - 1);
            Token y = b.get(j - 1);
            double s = score(x, y);
            if (h[i][j] == h[i - 1][j - 1] + s) {
                if (x.norm().equals(y.norm())) {
                    exact++;
                    if (x.isContent()) {
                        contentExact++;
                        if (x.capitalised() && y.capitalised()) {
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
            } else if (h[i][j] == h[i - 1][j] + GAP) {
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
        if (aTo - aFrom > 1 && !a.get(aFrom).norm().equals(b.get(bFrom).norm())) {
            aFrom++;
            bFrom++;
            keyed--;
        }
        if (aTo - aFrom > 1 && !a.get(aTo - 1).norm().equals(b.get(bTo - 1).norm())) {
            aTo--;
            bTo--;
            keyed--;
        }
        return new Result(aFrom, aTo, bFrom, bTo, exact, contentExact, namesExact, keyed, edits, best);
    }

    private static double score(Token x, Token y) {
        if (x.norm().equals(y.norm())) {
            return x.isContent() ? CONTENT_MATCH : FUNCTION_MATCH;
        }
        if (x.key() != null && x.key().equals(y.key())) {
            return KEY_MATCH;
        }
        return MISMATCH;
    }
}
