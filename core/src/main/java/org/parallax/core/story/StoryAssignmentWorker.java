package org.parallax.core.story;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Groups queued articles ({@link StoryAssignmentQueue}) on a background thread, so that storing an article
 * never waits for story assignment. Woken after each stored article; also looks at the queue every
 * {@link #POLL_SECONDS} seconds for work left by a crash or queued through another replica. At startup it
 * drains whatever an earlier process left.
 *
 * <p>{@link #drain} does the same work synchronously in the caller's thread and returns once the queue is
 * empty: the {@code ingest} command uses it to finish grouping before it exits, tests to see stories
 * deterministically. Within one process a lock keeps a single assignment in flight, in article order.
 */
@ApplicationScoped
public class StoryAssignmentWorker {

    static final long POLL_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(StoryAssignmentWorker.class);

    private final StoryAssignmentQueue queue;
    private final ReentrantLock assigning = new ReentrantLock(true);
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean paused;
    private Thread thread;

    public StoryAssignmentWorker(StoryAssignmentQueue queue) {
        this.queue = queue;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "story-assignment");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                // An assignment in flight finishes (or rolls back) on its own; the queue keeps the rest.
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A new article is queued: look at the queue now rather than at the next poll. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Stops the background thread from taking new work, for a caller that will {@link #drain} itself (a
     * batch ingest leaves the CPU to storing, then groups at the end).
     */
    public void pause() {
        // Under the lock: once this returns, no background assignment is in flight or about to start.
        assigning.lock();
        try {
            paused = true;
        } finally {
            assigning.unlock();
        }
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** Groups every queued article in this thread; returns how many were taken. */
    public long drain() {
        return drain(articleId -> { });
    }

    /** As {@link #drain()}, telling {@code progress} about each article taken. */
    public long drain(LongConsumer progress) {
        long taken = 0;
        for (OptionalLong next = step(true); next.isPresent(); next = step(true)) {
            taken++;
            progress.accept(next.getAsLong());
        }
        return taken;
    }

    /** Articles waiting to be grouped. */
    public long pending() {
        return queue.pending();
    }

    /** One assignment; {@code draining} for a caller of {@link #drain}, otherwise the background thread. */
    private OptionalLong step(boolean draining) {
        assigning.lock();
        try {
            if (!draining && paused) {
                return OptionalLong.empty();
            }
            return queue.assignNext(draining);
        } finally {
            assigning.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                // Articles another replica is assigning are skipped, not waited for.
                while (running && step(false).isPresent()) {
                    wake.drainPermits();
                }
                wake.tryAcquire(POLL_SECONDS, TimeUnit.SECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database went away or similar: the queue is durable, try again at the next poll.
                LOG.warn("story assignment worker: " + e.getMessage(), e);
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(POLL_SECONDS));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
