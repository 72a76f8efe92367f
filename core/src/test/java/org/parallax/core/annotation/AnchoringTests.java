package org.parallax.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Re-anchoring after the text changed, on paragraphs from the BuzzFeed News seed. */
class AnchoringTests {

    static final String LEAD = "The White House read Russian President Vladimir Putin’s appeal on Friday for Russia "
            + "and the US to agree on banning meddling in each other’s elections and made one of its own: Stop your "
            + "meddling first.";
    static final String QUOTE_A = "“A good starting point for discussion would be Russia discontinuing its ongoing "
            + "meddling with the US election,” a senior Trump administration official told BuzzFeed News.";
    static final String QUOTE_B = "“A good starting point for discussion would be Russia discontinuing its ongoing "
            + "meddling with the US election,” a White House senior administration official told BuzzFeed News.";
    static final String STATEMENT = "In a surprising and somewhat cryptic statement posted to the Kremlin’s site, "
            + "Putin extended an offer to President Donald Trump for the adversarial nations to reset relations and "
            + "agree not to meddle in each other’s internal affairs, including elections.";
    static final String APPEAL = "Putin’s appeal came less than six weeks before the US presidential election.";

    static String join(String... paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    static TextQuote select(String text, String passage) {
        int start = text.indexOf(passage);
        assertThat(start).as("passage in text").isNotNegative();
        return TextQuote.of(text, start, start + passage.length());
    }

    @Test
    void unchangedTextKeepsThePosition() {
        String text = join(QUOTE_A, LEAD, QUOTE_B, STATEMENT);
        TextQuote quote = select(text, "cryptic statement posted to the Kremlin’s site");
        Anchoring.Result result = Anchoring.anchor(quote, text);
        assertThat(result.anchored()).isTrue();
        assertThat(result.quote()).isEqualTo(quote);
        assertThat(result.how()).isEqualTo("position");
    }

    @Test
    void aQuoteWithoutPositionAtTheVeryStartIsFoundThere() {
        // Clients may send only a TextQuoteSelector; the first words of an article once failed with "span 0..0".
        String text = join(LEAD, STATEMENT);
        String opening = LEAD.substring(0, 30);
        Anchoring.Result result = Anchoring.anchor(new TextQuote(opening, "", LEAD.substring(30, 40), 0, 0), text);
        assertThat(result.anchored()).isTrue();
        assertThat(result.quote().start()).isZero();
        assertThat(result.quote().end()).isEqualTo(30);
        assertThat(result.quote().exact()).isEqualTo(opening);
    }

    @Test
    void editedEarlierParagraphShiftsTheAnnotationWithItsText() {
        String before = join(LEAD, STATEMENT, APPEAL);
        TextQuote quote = select(before, "reset relations and agree not to meddle");
        String after = join(LEAD.replace("on Friday", "on Friday, September 25,"), STATEMENT, APPEAL);
        Anchoring.Result result = Anchoring.anchor(quote, after);
        assertThat(result.anchored()).isTrue();
        assertThat(after.substring(result.quote().start(), result.quote().end()))
                .isEqualTo("reset relations and agree not to meddle");
        assertThat(result.quote().start()).isEqualTo(quote.start() + ", September 25,".length());
    }

    @Test
    void lightlyEditedQuoteIsFoundBetweenItsSurroundings() {
        String before = join(LEAD, STATEMENT, APPEAL);
        TextQuote quote = select(before, "for the adversarial nations to reset relations");
        String after = join(LEAD, STATEMENT.replace("adversarial nations", "adversary nations"), APPEAL);
        Anchoring.Result result = Anchoring.anchor(quote, after);
        assertThat(result.anchored()).isTrue();
        assertThat(after.substring(result.quote().start(), result.quote().end()))
                .isEqualTo("for the adversary nations to reset relations");
    }

    @Test
    void deletedParagraphOrphansTheAnnotation() {
        String before = join(LEAD, STATEMENT, APPEAL);
        TextQuote quote = select(before, "cryptic statement posted to the Kremlin’s site");
        Anchoring.Result result = Anchoring.anchor(quote, join(LEAD, APPEAL));
        assertThat(result.anchored()).isFalse();
        assertThat(result.how()).contains("gone");
    }

    @Test
    void lookAlikeParagraphIsNeverTakenForTheDeletedOne() {
        // The same official's quote stands twice with different attributions; the annotated one is deleted.
        String before = join(QUOTE_A, LEAD, QUOTE_B, STATEMENT);
        int start = before.indexOf(QUOTE_B);
        String quoted = "“A good starting point for discussion would be Russia discontinuing its ongoing meddling";
        TextQuote quote = TextQuote.of(before, start, start + quoted.length());
        Anchoring.Result result = Anchoring.anchor(quote, join(QUOTE_A, LEAD, STATEMENT));
        assertThat(result.anchored()).isFalse();
        assertThat(result.how()).contains("different surroundings");
    }

    @Test
    void repeatedQuoteGoesToTheOccurrenceWhoseContextAgrees() {
        String before = join(QUOTE_A, LEAD, QUOTE_B, STATEMENT);
        int start = before.indexOf(QUOTE_B);
        String quoted = "“A good starting point for discussion would be Russia discontinuing its ongoing meddling";
        TextQuote quote = TextQuote.of(before, start, start + quoted.length());
        String after = join(APPEAL, QUOTE_A, LEAD, QUOTE_B, STATEMENT);
        Anchoring.Result result = Anchoring.anchor(quote, after);
        assertThat(result.anchored()).isTrue();
        assertThat(result.quote().start()).isEqualTo(after.indexOf(QUOTE_B));
    }

    @Test
    void rewrittenQuoteIsOrphanedNotStretchedOverNewWords() {
        String before = join(LEAD, STATEMENT, APPEAL);
        TextQuote quote = select(before, "for the adversarial nations to reset relations");
        String after = join(LEAD, STATEMENT.replace("for the adversarial nations to reset relations",
                "so that both governments could begin again"), APPEAL);
        assertThat(Anchoring.anchor(quote, after).anchored()).isFalse();
    }

    @Test
    void selectorsRefuseSpansOutsideTheText() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextQuote.of("short", 2, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
