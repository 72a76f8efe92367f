package org.parallax.core.alignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.parallax.core.text.AnalysedSentence;
import org.parallax.core.text.Token;

/**
 * How much a shared content word says, from how many sentences of the story use it: a word every outlet
 * repeats ("election", "Putin") says little; one that appears in a single sentence of each article ("1972",
 * "seas") marks the same passage. Computed over the story the articles belong to, so the weights follow the
 * story's own vocabulary rather than a general-purpose frequency list.
 */
public final class TermWeights {

    private final Map<String, Integer> sentenceCounts;
    private final int sentences;
    private final int articles;

    private TermWeights(Map<String, Integer> sentenceCounts, int sentences, int articles) {
        this.sentenceCounts = sentenceCounts;
        this.sentences = sentences;
        this.articles = articles;
    }

    public static TermWeights of(Collection<AlignableArticle> articles) {
        Map<String, Integer> counts = new HashMap<>();
        int sentences = 0;
        for (AlignableArticle article : articles) {
            for (AnalysedSentence sentence : article.sentences()) {
                sentences++;
                Set<String> seen = new HashSet<>();
                for (Token token : sentence.tokens()) {
                    if (token.isContent() && seen.add(token.key())) {
                        counts.merge(token.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return new TermWeights(counts, sentences, articles.size());
    }

    /**
     * Whether a word is rare in the story: used in no more sentences than the story has articles, as a
     * detail that each outlet mentions at most once. Several rare words shared by two sentences are
     * unlikely to meet by chance.
     */
    public boolean isRare(String key) {
        return sentenceCounts.getOrDefault(key, 1) <= Math.max(2, articles);
    }

    /** Inverse sentence frequency, never below a small positive floor. */
    public double of(String key) {
        return Math.log(1.0 + (double) sentences / sentenceCounts.getOrDefault(key, 1));
    }
}
