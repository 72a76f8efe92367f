package org.parallax.core.article;

/**
 * Fired inside the storing transaction when a stored article got a new revision (its body changed at the
 * same address). Synchronous observers re-anchor what points into the body within the same transaction;
 * {@code AFTER_SUCCESS} observers redo derived data (quotes, alignment) once it has committed.
 */
public record ArticleRevised(long articleId, int revision, String newBody) {
}
