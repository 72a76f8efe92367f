package org.parallax.core.article;

/**
 * Fired inside the storing transaction when a new article was written. Observers that do follow-up work
 * (story assignment, alignment) observe it with {@code during = TransactionPhase.AFTER_SUCCESS} so that
 * they only see committed articles and cannot roll the article back.
 */
public record ArticleStored(long articleId) {
}
