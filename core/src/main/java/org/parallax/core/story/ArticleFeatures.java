package org.parallax.core.story;

import java.util.Map;

/**
 * What an article is about, as counts of features: content-word stems ({@code w:}), names written as two
 * capitalised words ({@code e:}) and the five-word shingles of its quotations ({@code q:}), which articles
 * share only when they quote the same words.
 */
public record ArticleFeatures(Map<String, Integer> counts) {

    public ArticleFeatures {
        counts = Map.copyOf(counts);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
