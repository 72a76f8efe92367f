package org.parallax.core.queue;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Works through a durable queue table on a background thread, and on demand in the caller's thread. The
 * queue lives in PostgreSQL, so this class only decides when to look: when {@link #wake woken} after new
 * work was committed, every {@link #POLL_SECONDS} seconds for work left by a crash or another replica, and
 * at start. Within one process a lock keeps one step in flight, so steps run in queue order.
 *
 * <p>A subclass is a bean; it inherits the observers that start its thread with the application and stop it
 * (after the step in flight) with the application.
 */
public abstract class BackgroundDrain {

    static final long POLL_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(BackgroundDrain.class);

    private final String name;
    private final long settleMillis;
    private final ReentrantLock stepping = new ReentrantLock(true);
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean paused;
    private Thread thread;

    /**
     * @param settleMillis how long to let work accumulate after a wake-up before taking it, for queues that
     *                     are cheaper per item in larger batches (0 to start at once)
     */
    protected BackgroundDrain(String name, long settleMillis) {
        this.name = name;
        this.settleMillis = settleMillis;
    }

    /**
     * Takes the next piece of work off the queue and does it, in its own transaction.
     *
     * @param draining true for a caller of {@link #drain}, which must see the queue empty when this returns 0,
     *                 so it waits for work another replica holds; false for the background thread, which
     *                 passes over such work
     * @return how many queued items were taken, 0 when there was nothing (claimable) to take
     */
    protected abstract int step(boolean draining);

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    private void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                // A step in flight finishes (or rolls back) on its own; the queue keeps the rest.
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New work was committed: look at the queue now rather than at the next poll. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Stops the background thread from taking new work, for a caller that will {@link #drain} itself (a batch
     * ingest leaves the CPU to storing and does the follow-up work at the end).
     */
    public void pause() {
        // Under the lock: once this returns, no background step is in flight or about to start.
        stepping.lock();
        try {
            paused = true;
        } finally {
            stepping.unlock();
        }
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** Does all queued work in this thread; returns how many items were taken. */
    public long drain() {
        return drain(taken -> { });
    }

    /** As {@link #drain()}, telling {@code progress} how many items each step took. */
    public long drain(IntConsumer progress) {
        long total = 0;
        for (int taken = locked(true); taken > 0; taken = locked(true)) {
            total += taken;
            progress.accept(taken);
        }
        return total;
    }

    private int locked(boolean draining) {
        stepping.lock();
        try {
            return !draining && paused ? 0 : step(draining);
        } finally {
            stepping.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                while (running && locked(false) > 0) {
                    wake.drainPermits();
                }
                if (wake.tryAcquire(POLL_SECONDS, TimeUnit.SECONDS) && settleMillis > 0) {
                    Thread.sleep(settleMillis);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database went away or similar: the queue is durable, try again at the next poll.
                LOG.warnf(e, "%s: %s", name, e.getMessage());
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(POLL_SECONDS));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
