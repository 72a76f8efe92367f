package org.parallax.core.alignment;

/**
 * Thresholds of the passage aligner. The defaults were chosen on the seed story and the BASIL development
 * set (see docs/benchmarks.md) and are what the application uses.
 *
 * @param minContentWords sentences with fewer content words are neither linked nor listed as unique
 * @param minRegionWords a verbatim or near link spans at least this many aligned words
 * @param minRegionContent ... and this much content (a content word counts 1, a capitalised one 0.5), so
 *     that "President Vladimir Putin said on Friday" cannot make a link
 * @param nearRatio share of aligned words that must match (exactly or by stem/synonym) for a near link
 * @param paraphraseDice weighted Dice overlap of content words two sentences need to be paraphrases
 * @param paraphraseMinShared ... and at least this many shared content words that are not names
 * @param anchorWords sentences sharing this many words that are rare in the story ...
 * @param anchoredDice ... need only this much overlap to be paraphrases: a long rendering of a statement
 *     and a one-line summary of it share few words, but rare ones ("1972", "seas", "Soviet")
 * @param minQuoteWords a stretch inside quotation marks in both articles is linked from this many words ...
 * @param minQuoteChars ... and characters ...
 * @param minQuoteContent ... and this much content (as for {@code minRegionContent})
 */
public record AlignmentSettings(
        int minContentWords,
        int minRegionWords,
        double minRegionContent,
        double nearRatio,
        double paraphraseDice,
        int paraphraseMinShared,
        int anchorWords,
        double anchoredDice,
        int minQuoteWords,
        int minQuoteChars,
        double minQuoteContent) {

    public static AlignmentSettings defaults() {
        return new AlignmentSettings(3, 6, 4.0, 0.8, 0.45, 3, 3, 0.2, 4, 25, 2.0);
    }
}
