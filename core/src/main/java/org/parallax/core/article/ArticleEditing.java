package org.parallax.core.article;

/**
 * Fired inside an editor's correcting or removing transaction before the article's row is locked. The story
 * follows the edit in the same transaction (story locks after the row lock), while merges and splits take
 * their locks the other way round (assignment and story locks, then the rows of the articles they move);
 * observers take here, first, whatever makes those two orders meet without a deadlock.
 */
public record ArticleEditing(long articleId) {
}
