package org.parallax.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTests {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text).stream().map(s -> s.text(text)).toList();
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(split("He said “it is over.” Then he left. (Nobody followed.) The end."))
                .containsExactly("He said “it is over.”", "Then he left.", "(Nobody followed.)", "The end.");
        assertThat(split("“We said ‘thank you very much but now is not the time for this,’” said an official."))
                .hasSize(1);
    }

    @Test
    void quotedSentencesAreSentences() {
        assertThat(split("“Read carefully. He called for non-intervention. Total trap,” she tweeted."))
                .containsExactly("“Read carefully.", "He called for non-intervention.", "Total trap,” she tweeted.");
    }

    @Test
    void abbreviationsInitialsAndDatesDoNotEndSentences() {
        assertThat(split("In a statement ahead of the US presidential election on Nov. 3, Putin called for a reset."))
                .hasSize(1);
        assertThat(split("Lessons from the U.S. presidential election apply. The No. 3 official agreed."))
                .containsExactly("Lessons from the U.S. presidential election apply.", "The No. 3 official agreed.");
        assertThat(split("President Franklin D. Roosevelt met Mr. Litvinov at 5 p.m. on Friday. It worked."))
                .containsExactly("President Franklin D. Roosevelt met Mr. Litvinov at 5 p.m. on Friday.", "It worked.");
    }

    @Test
    void bracketedInsertionsAndEllipsesInsideQuotesDoNotEndSentences() {
        assertThat(split("\"(I propose)... exchanging guarantees of non-interference,\" he said."))
                .containsExactly("\"(I propose)... exchanging guarantees of non-interference,\" he said.");
        assertThat(split("“[I propose] to exchange guarantees, including into electoral processes...by means of ICT.”"))
                .hasSize(1);
        assertThat(split("It was 2.0 at most. Version 3 followed.")).hasSize(2);
    }

    @Test
    void paragraphBreaksEndSentencesAndOffsetsPointIntoTheText() {
        String text = "First paragraph without a stop\n\n  Second one. Third!";
        List<Sentence> sentences = splitter.split(text);
        assertThat(sentences.stream().map(s -> s.text(text)).toList())
                .containsExactly("First paragraph without a stop", "Second one.", "Third!");
        assertThat(sentences.get(1).start()).isEqualTo(text.indexOf("Second"));
    }
}
