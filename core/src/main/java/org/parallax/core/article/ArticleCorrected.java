package org.parallax.core.article;

/**
 * Fired inside the correcting transaction when an editor changed an article's details, so that what is
 * derived from them (the story's title, outlets and dates) changes with them, atomically.
 */
public record ArticleCorrected(long articleId, Long storyId) {
}
