package org.parallax.core.alignment;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.quote.QuoteFinder;
import org.parallax.core.quote.QuoteSpan;
import org.parallax.core.text.AnalysedSentence;
import org.parallax.core.text.TextAnalyzer;
import org.parallax.core.text.Token;

/**
 * An article's stored body cut into analysed sentences, with its quotations (and their words), ready to be
 * aligned with others.
 */
public record AlignableArticle(long id, String body, List<AnalysedSentence> sentences, List<QuotedWords> quotes) {

    public AlignableArticle {
        sentences = List.copyOf(sentences);
        quotes = List.copyOf(quotes);
    }

    /** A quotation and its words. */
    public record QuotedWords(QuoteSpan quote, List<Token> tokens) {
        public QuotedWords {
            tokens = List.copyOf(tokens);
        }
    }

    public static AlignableArticle of(long id, String body) {
        TextAnalyzer analyzer = TextAnalyzer.english();
        List<QuotedWords> quotes = new ArrayList<>();
        for (QuoteSpan quote : QuoteFinder.standard().find(body)) {
            quotes.add(new QuotedWords(quote, analyzer.tokenizer().tokens(body, quote.start(), quote.end())));
        }
        return new AlignableArticle(id, body, analyzer.sentences(body), quotes);
    }

    public String text(int start, int end) {
        return body.substring(start, end);
    }
}
