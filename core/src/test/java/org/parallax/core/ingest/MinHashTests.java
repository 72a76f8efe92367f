package org.parallax.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashTests {

    private static final String WIRE = "President Vladimir Putin called on Friday for an agreement between Russia and "
            + "the United States to guarantee not to engage in cyber-meddling in each other's elections. In a statement "
            + "ahead of the US presidential election on Nov. 3, Putin called for a reset between Russia and the United "
            + "States and said he wanted an agreement between the two countries to prevent incidents in cyberspace. "
            + "Moscow's relations with Washington are at post-Cold War lows as the election looms. US intelligence "
            + "agencies have concluded that Russia interfered in the 2016 US presidential election.";

    @Test
    void republishedCopyWithSmallEditsIsSimilar() {
        String copy = WIRE.replace("on Friday", "on Friday, Sept. 25,") + " Trump is currently campaigning for re-election.";

        double similarity = MinHash.of(WIRE).orElseThrow().similarity(MinHash.of(copy).orElseThrow().minhash());

        assertThat(similarity).isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD);
    }

    @Test
    void unrelatedTextsAreNotSimilarAndShareNoBand() {
        String other = "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since "
                + "early January and improving prospects for the coming temporao, although normal humidity levels have "
                + "not been restored, Comissaria Smith said in its weekly review. The dry period means the temporao "
                + "will be late this year.";
        MinHash.Signature a = MinHash.of(WIRE).orElseThrow();
        MinHash.Signature b = MinHash.of(other).orElseThrow();

        assertThat(a.similarity(b.minhash())).isLessThan(0.1);
        assertThat(java.util.Arrays.stream(a.bands()).boxed().toList())
                .doesNotContainAnyElementsOf(java.util.Arrays.stream(b.bands()).boxed().toList());
    }

    @Test
    void signatureIgnoresCaseAndPunctuationButNeedsEnoughWords() {
        assertThat(MinHash.of(WIRE.toUpperCase()).orElseThrow().minhash())
                .isEqualTo(MinHash.of(WIRE.replace(",", "")).orElseThrow().minhash());
        assertThat(MinHash.of("TEXAS COMMERCE BANCSHARES FILES PLAN")).isEmpty();
    }
}
