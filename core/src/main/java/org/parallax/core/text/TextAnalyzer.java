package org.parallax.core.text;

import java.util.ArrayList;
import java.util.List;

/** Sentences and words of a text, the common input of story grouping, alignment and quote matching. */
public final class TextAnalyzer {

    private static final TextAnalyzer ENGLISH = new TextAnalyzer(new SentenceSplitter(), Tokenizer.english());

    private final SentenceSplitter splitter;
    private final Tokenizer tokenizer;

    public TextAnalyzer(SentenceSplitter splitter, Tokenizer tokenizer) {
        this.splitter = splitter;
        this.tokenizer = tokenizer;
    }

    public static TextAnalyzer english() {
        return ENGLISH;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public List<AnalysedSentence> sentences(String text) {
        List<Sentence> spans = splitter.split(text);
        List<AnalysedSentence> sentences = new ArrayList<>(spans.size());
        for (Sentence span : spans) {
            sentences.add(new AnalysedSentence(sentences.size(), span.start(), span.end(),
                    tokenizer.tokens(text, span.start(), span.end())));
        }
        return sentences;
    }
}
