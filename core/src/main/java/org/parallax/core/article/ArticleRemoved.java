package org.parallax.core.article;

/**
 * Fired inside the removing transaction once an article is deleted, so that its story (counts, dates,
 * title, alignment of the articles left) follows in the same transaction.
 */
public record ArticleRemoved(long articleId, Long storyId) {
}
