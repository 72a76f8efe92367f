package org.parallax.core.text;

import java.util.List;

/** A sentence with its words. Offsets are into the text it was taken from. */
public record AnalysedSentence(int index, int start, int end, List<Token> tokens) {

    public AnalysedSentence {
        tokens = List.copyOf(tokens);
    }

    public long contentWords() {
        return tokens.stream().filter(Token::isContent).count();
    }
}
