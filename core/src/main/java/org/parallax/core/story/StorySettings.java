package org.parallax.core.story;

import java.time.Duration;

/**
 * Thresholds of story assignment, chosen on the seed story and the BASIL development set (see
 * docs/benchmarks.md).
 *
 * @param join similarity (after the time factor) at which an article links to its nearest neighbour
 * @param relativeJoin ... and at least this share of the similarity that neighbour has to its own nearest
 *     neighbour: an article about another event on the same topic is far less similar to a story's members
 *     than they are to each other, even when the corpus is too small for document frequencies to tell
 *     topic words from event words
 * @param related similarity of text alone at which two stories are shown as related
 * @param quoteBonus added to the cosine for articles sharing a quotation of ten words or more
 * @param nameBoost weight of a two-word name relative to a single word
 * @param vectorSize features of an article entered in the inverted index (the strongest by tf-idf)
 * @param lookupFeatures features of a new article used to look up candidates
 * @param neighbours candidates examined per new article
 * @param commonShare a feature in more than this share of the articles ...
 * @param commonFloor ... and in more than this many is not used to look candidates up (see
 *     {@link StoryAssigner}); the floor keeps small corpora, where every share is large, unaffected
 * @param sameTime publication gap within which dates do not matter
 * @param timeScale beyond {@code sameTime}, similarity decays by e for each such span
 */
public record StorySettings(
        double join,
        double relativeJoin,
        double related,
        double quoteBonus,
        double nameBoost,
        int vectorSize,
        int lookupFeatures,
        int neighbours,
        double commonShare,
        int commonFloor,
        Duration sameTime,
        Duration timeScale) {

    public static StorySettings defaults() {
        return new StorySettings(0.16, 0.5, 0.10, 0.2, 1.5, 150, 60, 50, 0.02, 200, Duration.ofDays(3), Duration.ofDays(10));
    }
}
