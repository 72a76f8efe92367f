package org.parallax.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.search.QueryTerms.Step;

/** Reading PostgreSQL's text form of a search's tsquery into what the highlighter marks. */
class QueryTermsTests {

    @Test
    void excludedWordsAreNotMarked() {
        QueryTerms terms = QueryTerms.parse("'meddl' & !'crowdstrik'");
        assertThat(terms.words()).containsExactly("meddl");
        assertThat(terms.phrases()).isEmpty();
    }

    @Test
    void aNegatedGroupIsLeftOutWhole() {
        QueryTerms terms = QueryTerms.parse("!( 'oil' & 'price' ) & 'opec'");
        assertThat(terms.words()).containsExactly("opec");
    }

    @Test
    void phrasesKeepTheirOrderAndDistancesUnderEveryConfiguration() {
        QueryTerms terms = QueryTerms.parse("( 'debt' <-> 'offer' ) | ( 'debt' <-> 'offering' ) | ( 'sell' <2> 'note' )");
        assertThat(terms.words()).isEmpty();
        assertThat(terms.phrases()).containsExactly(
                List.of(new Step("debt", 0), new Step("offer", 1)),
                List.of(new Step("debt", 0), new Step("offering", 1)),
                List.of(new Step("sell", 0), new Step("note", 2)));
    }

    @Test
    void aHyphenatedPhraseIsOneChainAndWordsBesideItStayWords() {
        QueryTerms terms = QueryTerms.parse("'non-interfer' <-> 'non' <-> 'interfer' & 'putin' | 'kremlin'");
        assertThat(terms.phrases()).containsExactly(
                List.of(new Step("non-interfer", 0), new Step("non", 1), new Step("interfer", 1)));
        assertThat(terms.words()).containsExactly("putin", "kremlin");
    }

    @Test
    void quotesInsideLexemesAndWeightsAreRead() {
        QueryTerms terms = QueryTerms.parse("'o''brien':AB & 'rate':*");
        assertThat(terms.words()).containsExactly("o'brien", "rate");
    }

    @Test
    void noQueryMarksNothing() {
        assertThat(QueryTerms.parse(null).isEmpty()).isTrue();
        assertThat(QueryTerms.parse("").isEmpty()).isTrue();
    }
}
