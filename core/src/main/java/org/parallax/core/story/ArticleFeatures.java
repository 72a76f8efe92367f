package org.parallax.core.story;

import java.util.Map;

/**
 * What an article is about, as counts of features: content-word stems ({@code w:}), names written as two
 * capitalised words ({@code e:}) and a deterministic sample of its five-word shingles ({@code s:}), which
 * articles share only when they share text: a quotation, a wire paragraph, a syndicated copy.
 */
public record ArticleFeatures(Map<String, Integer> counts) {

    public ArticleFeatures {
        counts = Map.copyOf(counts);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
