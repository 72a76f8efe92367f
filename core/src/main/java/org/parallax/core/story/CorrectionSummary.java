package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parallax.core.article.ArticleCorrected;

/**
 * A story's title, outlet count and publication range come from its articles' details: when an editor
 * corrects those, the story's summary is recomputed in the same transaction.
 */
@ApplicationScoped
public class CorrectionSummary {

    private final StoryService stories;

    public CorrectionSummary(StoryService stories) {
        this.stories = stories;
    }

    void onCorrected(@Observes ArticleCorrected corrected) {
        if (corrected.storyId() != null) {
            stories.refreshAfterCorrection(corrected.storyId());
        }
    }
}
