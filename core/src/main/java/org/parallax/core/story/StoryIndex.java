package org.parallax.core.story;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What story assignment needs to know about the articles already grouped: feature document frequencies, an
 * inverted index from features to articles, and each article's link to its nearest neighbour.
 * {@link InMemoryStoryIndex} keeps it in memory (benchmarks, tests); the application keeps it in PostgreSQL
 * tables, so that finding candidates never scans the corpus.
 */
public interface StoryIndex {

    /** Number of articles indexed. */
    int articleCount();

    /** For each feature, the number of indexed articles that have it (absent when none). */
    Map<String, Integer> documentFrequencies(Collection<String> features);

    /**
     * Articles sharing features with the query, with the dot product of their indexed features and the
     * query vector (a lower bound of the full one) and the number of quotation shingles they share, best
     * first.
     *
     * @param query unit vector of the new article, restricted to the features worth looking up
     * @param quoteShingles the new article's quotation shingles
     */
    List<Neighbour> neighbours(Map<String, Double> query, Collection<String> quoteShingles, int limit);

    /** The full stored vectors of some articles. */
    Map<Long, Map<String, Double>> vectors(Collection<Long> articleIds);

    /** The quotation shingles of some articles (empty for an article that quotes nobody). */
    Map<Long, Collection<String>> quoteShingles(Collection<Long> articleIds);

    /**
     * Indexes a new article with its features (for document frequencies), vector and link; the
     * {@code postings} strongest features of its vector enter the inverted index. Its story is set by a
     * {@link #move} that follows; until then it may or may not be among {@link #members} of its provisional story.
     */
    void add(IndexedArticle article, Collection<String> features, int postings);

    /** Points an article's nearest-neighbour link elsewhere. */
    void relink(long articleId, Long linkedTo, double similarity);

    /** The members of a story with their links. */
    List<IndexedArticle> members(long storyId);

    /** Moves articles to a story. */
    void move(Collection<Long> articleIds, long storyId);

    /** A new, empty story id. */
    long newStory();

    /**
     * Fixes articles together, as an editor decided: articles with the same pin always share a story, and
     * articles with different pins never do, whatever links later arrivals make. Null removes the pin.
     */
    void pin(Collection<Long> articleIds, Long pin);

    /**
     * An indexed article and its link to the most similar article (null when none is close enough).
     *
     * @param pin the editor decision that fixes its membership (see {@link #pin}), null when none
     */
    record IndexedArticle(long articleId, long storyId, Instant publishedAt, Map<String, Double> vector,
            Collection<String> quoteShingles, Long linkedTo, double linkSimilarity, Long pin) {

        IndexedArticle withStory(long story) {
            return new IndexedArticle(articleId, story, publishedAt, vector, quoteShingles, linkedTo, linkSimilarity, pin);
        }

        IndexedArticle withLink(Long to, double similarity) {
            return new IndexedArticle(articleId, storyId, publishedAt, vector, quoteShingles, to, similarity, pin);
        }

        IndexedArticle withPin(Long value) {
            return new IndexedArticle(articleId, storyId, publishedAt, vector, quoteShingles, linkedTo, linkSimilarity, value);
        }
    }

    /** An indexed article close to a query. */
    record Neighbour(long articleId, long storyId, Instant publishedAt, double dot, int sharedQuoteShingles,
            Long linkedTo, double linkSimilarity) {
    }
}
