package org.parallax.core.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.quote.QuoteFinder;
import org.parallax.core.quote.QuoteSpan;
import org.parallax.core.text.AnalysedSentence;
import org.parallax.core.text.TextAnalyzer;
import org.parallax.core.text.Token;

/** Turns an article's headline and body into {@link ArticleFeatures}. Pure and thread-safe. */
public final class FeatureExtractor {

    static final String WORD = "w:";
    static final String ENTITY = "e:";
    static final String QUOTE = "q:";
    private static final int SHINGLE_WORDS = 5;

    private final TextAnalyzer analyzer;
    private final QuoteFinder quotes = QuoteFinder.standard();

    public FeatureExtractor(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public static FeatureExtractor english() {
        return new FeatureExtractor(TextAnalyzer.english());
    }

    public ArticleFeatures extract(String headline, String body) {
        return extract(headline, body, null);
    }

    /**
     * @param headline null when the source had none (a headline derived from the lead repeats the body)
     * @param outlet the publisher's name: its words are left out ("told BuzzFeed News", "Fox News' Chad
     *     Pergram contributed"), since two articles of one outlet share them whatever they are about
     */
    public ArticleFeatures extract(String headline, String body, String outlet) {
        Map<String, Integer> counts = new HashMap<>();
        if (headline != null && !headline.isBlank()) {
            // The headline says what the article is about: its words count twice.
            for (AnalysedSentence sentence : analyzer.sentences(headline)) {
                words(sentence.tokens(), counts, 2);
            }
        }
        for (AnalysedSentence sentence : analyzer.sentences(body)) {
            List<Token> tokens = sentence.tokens();
            words(tokens, counts, 1);
            entities(tokens, counts);
        }
        for (QuoteSpan quote : quotes.find(body)) {
            shingles(analyzer.tokenizer().tokens(body, quote.start(), quote.end()), counts);
        }
        if (outlet != null) {
            List<Token> name = analyzer.tokenizer().tokens(outlet);
            for (Token token : name) {
                if (token.isContent()) {
                    counts.remove(WORD + token.key());
                }
            }
            for (int i = 0; i + 1 < name.size(); i++) {
                counts.remove(ENTITY + name.get(i).norm() + ' ' + name.get(i + 1).norm());
            }
        }
        return new ArticleFeatures(counts);
    }

    private static void words(List<Token> tokens, Map<String, Integer> counts, int weight) {
        for (Token token : tokens) {
            if (token.isContent() && token.key().length() > 1) {
                counts.merge(WORD + token.key(), weight, Integer::sum);
            }
        }
    }

    /** Two capitalised words in a row, not counting a capital that only starts the sentence. */
    private static void entities(List<Token> tokens, Map<String, Integer> counts) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token first = tokens.get(i);
            Token second = tokens.get(i + 1);
            if (first.capitalised() && second.capitalised() && first.isContent() && second.isContent()) {
                counts.merge(ENTITY + first.norm() + ' ' + second.norm(), 1, Integer::sum);
            }
        }
    }

    /** Five-word shingles of a quotation: two articles quoting the same words share them. */
    private static void shingles(List<Token> tokens, Map<String, Integer> counts) {
        for (int i = 0; i + SHINGLE_WORDS <= tokens.size(); i++) {
            long hash = 1125899906842597L;
            for (int j = i; j < i + SHINGLE_WORDS; j++) {
                hash = 31 * hash + tokens.get(j).norm().hashCode();
            }
            hash ^= hash >>> 29;
            counts.merge(QUOTE + Long.toHexString(hash), 1, Integer::sum);
        }
    }
}
