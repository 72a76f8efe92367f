package org.parallax.core.story;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
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

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @Override
    protected int step(boolean draining) {
        return queue.alignNext(draining).isPresent() ? 1 : 0;
    }
}
