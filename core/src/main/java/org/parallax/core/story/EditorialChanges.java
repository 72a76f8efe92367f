package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parallax.core.article.ArticleCorrected;
import org.parallax.core.article.ArticleEditing;
import org.parallax.core.article.ArticleRemoved;

/**
 * A story's title, outlet count and publication range come from its articles. When an editor corrects an
 * article's details or removes an article, the story follows in the same transaction; after a removal the
 * articles left are also regrouped (a part that only the removed article held to the rest becomes a story
 * of its own) and realigned (what they shared only with the removed one is now theirs alone).
 */
@ApplicationScoped
public class EditorialChanges {

    private final StoryService stories;

    public EditorialChanges(StoryService stories) {
        this.stories = stories;
    }

    /**
     * A merge or split holds the assignment lock and the story locks while it moves articles, and an alignment
     * holds its story's lock while it writes rows that refer to the articles; an edit that locked the article's
     * row first and then waited for those locks would deadlock with them. So the edit takes them first, in the
     * same order as merges and splits.
     */
    void onEditing(@Observes ArticleEditing editing) {
        stories.holdAssignmentLock();
        stories.holdStoryLockOf(editing.articleId());
    }

    void onCorrected(@Observes ArticleCorrected corrected) {
        if (corrected.storyId() != null) {
            stories.refreshAfterCorrection(corrected.storyId());
        }
    }

    void onRemoved(@Observes ArticleRemoved removed) {
        if (removed.storyId() != null) {
            stories.refreshAfterRemoval(removed.storyId(), removed.linkedToIt());
        }
    }
}
