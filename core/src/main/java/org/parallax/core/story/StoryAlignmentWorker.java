package org.parallax.core.story;

import jakarta.inject.Singleton;
import org.parallax.core.queue.BackgroundDrain;

/**
 * Aligns stories left marked in {@link StoryAlignmentQueue}: by a process that stopped between grouping an
 * article and aligning its story, by an alignment that failed, or by {@code parallax group}, which leaves
 * alignment to its own threads. An assignment aligns the stories it changed itself, so in a running server
 * this thread mostly finds nothing to do.
 */
@Singleton
public class StoryAlignmentWorker extends BackgroundDrain {

    private final StoryAlignmentQueue queue;

    public StoryAlignmentWorker(StoryAlignmentQueue queue) {
        super("story-alignment", 0);
        this.queue = queue;
    }

    @Override
    protected int step(boolean draining) {
        return queue.alignNext(draining).isPresent() ? 1 : 0;
    }
}
