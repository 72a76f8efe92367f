package org.parallax.app.story;

import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Read your own writes: after a request that may have changed stories (an editor's removal, merge, split or
 * correction, an upload) has succeeded, its answer waits until this replica's story cache has seen those
 * changes. Without this the story page an editor is sent to next could be served from the snapshot taken
 * before the change, for the moment the notification takes to arrive. Other replicas see the change as
 * soon as their notification arrives.
 */
public class StoryChangesCaughtUp {

    private static final Logger LOG = Logger.getLogger(StoryChangesCaughtUp.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Notifications take about a millisecond; this only bounds a stalled listener. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final StoryChanges changes;

    public StoryChangesCaughtUp(StoryChanges changes) {
        this.changes = changes;
    }

    @ServerResponseFilter
    public void catchUp(ContainerRequestContext request, ContainerResponseContext response) {
        // Waiting would block an event-loop thread; the endpoints that change stories run on worker threads.
        if (SAFE.contains(request.getMethod()) || response.getStatus() >= 400 || Context.isOnEventLoopThread()) {
            return;
        }
        if (!changes.catchUp(MAX_WAIT)) {
            LOG.debugf("Story changes not caught up within %s after %s %s", MAX_WAIT, request.getMethod(),
                    request.getUriInfo().getPath());
        }
    }
}
