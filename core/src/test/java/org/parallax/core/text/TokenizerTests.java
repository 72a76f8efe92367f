package org.parallax.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTests {

    private final Tokenizer tokenizer = Tokenizer.english();

    private Token only(String word) {
        List<Token> tokens = tokenizer.tokens(word);
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void wordsCarryOffsetsAndNeverPunctuation() {
        String text = "“Stop your meddling first,” she said.";
        List<Token> tokens = tokenizer.tokens(text);
        assertThat(tokens).extracting(Token::norm).containsExactly("stop", "your", "meddling", "first", "she", "said");
        assertThat(text.substring(tokens.get(2).start(), tokens.get(2).end())).isEqualTo("meddling");
    }

    @Test
    void caseApostrophesHyphensAndPossessivesDoNotChangeAWord() {
        assertThat(only("Non-interference").norm()).isEqualTo(only("noninterference").norm());
        assertThat(only("Russia’s").norm()).isEqualTo(only("Russia's").norm()).isEqualTo("russia");
    }

    @Test
    void stemsAndTheSynonymTableJoinTranslationVariants() {
        assertThat(only("reboot").key()).isEqualTo(only("resetting").key());
        assertThat(only("field").key()).isEqualTo(only("sphere").key());
        assertThat(only("non-intervention").key()).isEqualTo(only("non-interference").key());
        assertThat(only("programme").key()).isEqualTo(only("program").key());
        assertThat(only("suggestion").key()).isEqualTo(only("proposal").key());
        assertThat(only("address").key()).isEqualTo(only("appeal").key());
        assertThat(only("treaty").key()).isEqualTo(only("agreement").key());
        assertThat(only("reboot").key()).isNotEqualTo(only("field").key());
    }

    @Test
    void functionWordsAndReportingVerbsHaveNoKey() {
        assertThat(tokenizer.tokens("into the of said told according")).allSatisfy(t -> assertThat(t.key()).isNull());
    }

    @Test
    void hyphenatedNamesSplitIntoTheirParts() {
        assertThat(tokenizer.tokens("a 1972 US-Soviet treaty")).extracting(Token::norm)
                .containsExactly("a", "1972", "us", "soviet", "treaty");
        assertThat(tokenizer.tokens("large-scale")).extracting(Token::norm).containsExactly("largescale");
    }
}
