package org.parallax.core.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.SeedTexts;

class QuoteFinderTests {

    private final QuoteFinder finder = QuoteFinder.standard();

    private QuoteSpan only(String text) {
        List<QuoteSpan> quotes = finder.find(text);
        assertThat(quotes).hasSize(1);
        return quotes.get(0);
    }

    @Test
    void typographicAndStraightQuotesWithOffsetsInsideTheMarks() {
        String text = "“Stop your meddling first,” Putin wrote. Later \"we see no reason for it\" was the reply.";
        List<QuoteSpan> quotes = finder.find(text);
        assertThat(quotes).extracting(QuoteSpan::text).containsExactly("Stop your meddling first", "we see no reason for it");
        QuoteSpan first = quotes.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo(first.text());
    }

    @Test
    void nestedQuotesAndApostrophesAreToldApart() {
        List<QuoteSpan> quotes = finder.find(
                "“We said ‘thank you very much but now is not the time for this,’” said a senior State Department official.");
        assertThat(quotes).extracting(QuoteSpan::text, QuoteSpan::nested).containsExactly(
                org.assertj.core.groups.Tuple.tuple("We said ‘thank you very much but now is not the time for this,’", false),
                org.assertj.core.groups.Tuple.tuple("thank you very much but now is not the time for this", true));
        assertThat(quotes.get(0).speaker()).isEqualTo("a senior State Department official");
        assertThat(finder.find("Russia’s envoy didn’t say it, and the Russians’ reply came late.")).isEmpty();
    }

    @Test
    void shortScareQuotesAreNotQuotes() {
        assertThat(finder.find("sanctions over the 'meddling' claims had \"run out\"")).isEmpty();
    }

    @Test
    void speakersNamedAfterOrBeforeTheQuote() {
        assertThat(only("“One of today’s major strategic challenges is the risk,” Putin wrote.").speaker())
                .isEqualTo("Putin");
        assertThat(only("“Dialogue like this is obviously hard to take seriously,” the senior White House official "
                + "said of Putin’s statement.").speaker()).isEqualTo("the senior White House official");
        assertThat(only("“Ultimately, Russia is unlikely to exercise self-restraint,” said Samuel Charap, a former "
                + "State Department official.").speaker()).isEqualTo("Samuel Charap");
        assertThat(only("Putin proposed, “exchanging guarantees of non-interference in each other’s internal affairs.”")
                .speaker()).isEqualTo("Putin");
        assertThat(only("The weather was fine. “Nothing else was said about it at all.”").speaker()).isNull();
    }

    @Test
    void aQuoteOverSeveralParagraphsKeepsItsSpeaker() {
        List<QuoteSpan> quotes = finder.find(SeedTexts.body("000"));
        QuoteSpan propose = quotes.stream().filter(q -> q.text().startsWith("[I propose]")).findFirst().orElseThrow();
        assertThat(propose.speaker()).isEqualTo("Putin");
        QuoteSpan reboot = quotes.stream().filter(q -> q.text().contains("reboot our relations")).findFirst().orElseThrow();
        assertThat(reboot.speaker()).isEqualTo("Putin");
    }

    @Test
    void aPronounTakesTheSpeakerOfTheQuoteJustBefore() {
        List<QuoteSpan> quotes = finder.find("“The first thing is trust,” said Adam Segal. “I don’t know how you "
                + "would enforce it at all,” he said.");
        assertThat(quotes).extracting(QuoteSpan::speaker).containsExactly("Adam Segal", "Adam Segal");
    }
}
