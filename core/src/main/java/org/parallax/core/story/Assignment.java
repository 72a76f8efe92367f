package org.parallax.core.story;

import java.util.List;
import java.util.Map;

/**
 * What adding one article did to the stories.
 *
 * @param storyId the story the new article belongs to now
 * @param kind whether it founded, joined or bridged stories
 * @param merged stories whose articles all moved into {@code storyId} (they are now empty)
 * @param changed every story whose membership changed, with the articles it gained (including {@code storyId})
 * @param split stories that lost some, but not all, of their articles to {@code storyId}
 * @param related other stories close in text but not joined (another event on the same topic), with score
 * @param similarities similarity of the new article to each neighbour now in its story (for centrality)
 */
public record Assignment(Kind kind, long storyId, List<Long> merged, Map<Long, List<Long>> changed, List<Long> split,
        Map<Long, Double> related, Map<Long, Double> similarities) {

    public enum Kind {
        /** The article started a new story. */
        FOUNDED,
        /** The article joined an existing story. */
        JOINED,
        /** The article bridged stories (or parts of them), which were merged into one. */
        MERGED
    }
}
