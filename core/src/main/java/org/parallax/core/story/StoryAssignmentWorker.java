package org.parallax.core.story;

import jakarta.inject.Singleton;
import java.util.function.IntConsumer;
import org.parallax.core.queue.BackgroundDrain;

/**
 * Groups queued articles ({@link StoryAssignmentQueue}) on a background thread, so that storing an article
 * never waits for story assignment; at startup it finishes whatever an earlier process left queued.
 * {@link #drain} does the same synchronously: the {@code ingest} command uses it to finish grouping before
 * it exits, the seed loader and tests to see stories deterministically. One article per step, in
 * article order.
 */
@Singleton
public class StoryAssignmentWorker extends BackgroundDrain {

    private final StoryAssignmentQueue queue;
    private final StoryAlignmentWorker alignment;

    public StoryAssignmentWorker(StoryAssignmentQueue queue, StoryAlignmentWorker alignment) {
        super("story-assignment", 0);
        this.queue = queue;
        this.alignment = alignment;
    }

    @Override
    protected int step(boolean draining) {
        return queue.assignNext().isPresent() ? 1 : 0;
    }

    /**
     * Groups every queued article, then aligns any story still marked (one whose alignment failed or was left
     * by a stopped process), so that the stories are complete when this returns.
     *
     * @return the articles grouped
     */
    @Override
    public long drain(IntConsumer progress) {
        long grouped = super.drain(progress);
        alignment.drain();
        return grouped;
    }

    /** Articles waiting to be grouped. */
    public long pending() {
        return queue.pending();
    }
}
