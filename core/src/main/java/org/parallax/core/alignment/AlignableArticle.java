package org.parallax.core.alignment;

import java.util.List;
import org.parallax.core.text.AnalysedSentence;
import org.parallax.core.text.TextAnalyzer;

/** An article's stored body cut into analysed sentences, ready to be aligned with others. */
public record AlignableArticle(long id, String body, List<AnalysedSentence> sentences) {

    public AlignableArticle {
        sentences = List.copyOf(sentences);
    }

    public static AlignableArticle of(long id, String body) {
        return new AlignableArticle(id, body, TextAnalyzer.english().sentences(body));
    }

    public String text(int start, int end) {
        return body.substring(start, end);
    }
}
