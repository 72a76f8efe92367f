package org.parallax.core.article;

/**
 * Fired inside an editor's correcting or removing transaction before the article's row is locked. Merges and
 * splits take the assignment lock and story locks before the rows of the articles they move, and an alignment
 * takes its story's lock before writing rows that refer to articles; observers take those locks here, first,
 * so that the edit's row locks come after them as everywhere else and no two lock orders meet.
 */
public record ArticleEditing(long articleId) {
}
