package org.parallax.core.alignment;

import java.util.List;

/**
 * Two passages of two articles that say the same thing. Spans are character offsets into each article's
 * body, end exclusive. {@code diff} lists the words that differ, never whitespace or punctuation.
 */
public record PassageMatch(
        long articleA, int aStart, int aEnd,
        long articleB, int bStart, int bEnd,
        LinkKind kind, double score, List<DiffOp> diff) {

    public PassageMatch {
        diff = List.copyOf(diff);
    }

    public boolean touches(long article, int start, int end) {
        if (article == articleA) {
            return aStart < end && start < aEnd;
        }
        if (article == articleB) {
            return bStart < end && start < bEnd;
        }
        return false;
    }
}
