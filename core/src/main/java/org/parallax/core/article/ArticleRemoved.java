package org.parallax.core.article;

import java.util.List;

/**
 * Fired inside the removing transaction once an article is deleted, so that its story (counts, dates,
 * title, grouping and alignment of the articles left) follows in the same transaction.
 *
 * @param linkedToIt the story's articles whose nearest-neighbour link pointed to the removed article
 */
public record ArticleRemoved(long articleId, Long storyId, List<Long> linkedToIt) {
}
