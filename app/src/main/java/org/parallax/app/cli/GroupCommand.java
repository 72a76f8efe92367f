package org.parallax.app.cli;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.parallax.core.story.StoryAlignmentQueue;
import org.parallax.core.story.StoryAlignmentWorker;
import org.parallax.core.story.StoryAssignmentWorker;
import org.parallax.core.story.StoryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Puts every stored article that is in no story yet into one, oldest first, through the same grouping as
 * ingest; the stories that change are aligned meanwhile by {@code --align-threads} threads, so that a bulk
 * grouping keeps more than one core busy (grouping itself is one article at a time). For articles whose
 * assignment failed, for a corpus loaded without grouping, and for measuring grouping: it prints the time
 * per article.
 */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = {"Assign every article that is in no story yet to a story, oldest first, and align the "
                + "stories that change.", "Safe to interrupt and re-run: grouped articles are left as they are, "
                + "and stories whose alignment was not finished are aligned by the next run or by the server."})
public class GroupCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(GroupCommand.class);
    private static final int BATCH = 500;
    private static final int REPORT_EVERY = 1000;
    private static final long ANALYZE_FIRST = 250;
    /** How long an aligner with nothing to do waits before looking again; each look is a query. */
    private static final long IDLE_MILLIS = 100;

    @Option(names = "--align-threads", paramLabel = "N",
            description = {"Threads aligning changed stories while articles are grouped (default: ${DEFAULT-VALUE}).",
                    "0 aligns them in the grouping thread after each article, as a server does (StoryService.assign), "
                            + "so that the time printed per article includes its alignment."})
    int alignThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    @Option(names = "--limit", paramLabel = "N",
            description = "Group at most N articles, oldest first (to measure grouping at a given corpus size).")
    int limit = Integer.MAX_VALUE;

    /** How long a shutdown (SIGTERM) waits for the article and the alignments in progress. */
    private static final long STOP_WAIT_MILLIS = 20_000;
    /** Guards {@link #running}; a shutdown waits on it. */
    private static final Object RUN = new Object();
    private static boolean running;
    private static volatile boolean stopRequested;

    private final StoryService stories;
    private final StoryAlignmentQueue alignments;
    private final StoryAlignmentWorker alignmentWorker;
    private final StoryAssignmentWorker assignmentWorker;
    private volatile boolean grouping;

    public GroupCommand(StoryService stories, StoryAlignmentQueue alignments, StoryAlignmentWorker alignmentWorker,
            StoryAssignmentWorker assignmentWorker) {
        this.stories = stories;
        this.alignments = alignments;
        this.alignmentWorker = alignmentWorker;
        this.assignmentWorker = assignmentWorker;
    }

    /**
     * A shutdown (SIGTERM, Ctrl-C) lets the article being grouped and the stories being aligned finish, then
     * the command stops; everything else stays as it was, for the next run. Without this the loop went on
     * after the database connections had closed, failing on every remaining article.
     */
    static void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        // The 5 s shutdown delay lets a server drain its requests; a command has none to drain: stop now.
        stopRequested = true;
    }

    static void onShutdown(@Observes ShutdownEvent event) {
        stopRequested = true;
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        synchronized (RUN) {
            for (long left = STOP_WAIT_MILLIS; running && left > 0; left = deadline - System.currentTimeMillis()) {
                try {
                    RUN.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        synchronized (RUN) {
            running = true;
            // A test JVM starts and stops the application several times: only a shutdown of this run counts.
            stopRequested = false;
        }
        // This command groups the queued articles too (every ungrouped one, in order): the background workers
        // of this process stay out of its way.
        assignmentWorker.pause();
        alignmentWorker.pause();
        try {
            return groupAndAlign();
        } finally {
            if (!stopRequested) {
                // Stopping, they would take up the queue in the few seconds before the process ends.
                alignmentWorker.resume();
                assignmentWorker.resume();
            }
            synchronized (RUN) {
                running = false;
                RUN.notifyAll();
            }
        }
    }

    private int groupAndAlign() throws InterruptedException {
        long started = System.nanoTime();
        grouping = true;
        List<Thread> aligners = new ArrayList<>();
        for (int i = 0; i < alignThreads; i++) {
            Thread aligner = new Thread(this::align, "group-align-" + i);
            aligner.start();
            aligners.add(aligner);
        }
        int result;
        try {
            result = group();
        } finally {
            grouping = false;
        }
        long waiting = System.nanoTime();
        for (Thread aligner : aligners) {
            aligner.join();
        }
        if (stopRequested) {
            System.err.println("Stopped by shutdown; run the same command again to group the rest.");
            return 3;
        }
        // Whatever the threads passed over (a story another process was aligning) or left after a failure.
        alignmentWorker.drain();
        System.out.printf(Locale.ROOT, "Grouped and aligned in %.1f s in all; alignment ended %.1f s after the last "
                + "article was grouped%n", (System.nanoTime() - started) / 1e9, (System.nanoTime() - waiting) / 1e9);
        return result;
    }

    /** Aligns marked stories until grouping has ended and none is left. */
    private void align() {
        while (!stopRequested) {
            try {
                if (alignments.alignNext(false).isPresent()) {
                    continue;
                }
                if (!grouping) {
                    return;
                }
                Thread.sleep(IDLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database went away, say: what is left stays marked for the final drain or the server.
                LOG.warnf(e, "aligning stories: %s", e.getMessage());
                if (!grouping) {
                    return;
                }
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private int group() {
        long started = System.nanoTime();
        long[] millis = new long[0];
        int done = 0;
        int failed = 0;
        long last = 0;
        long windowStart = System.nanoTime();
        stories.analyzeIndex();
        long nextAnalyze = ANALYZE_FIRST;
        for (List<Long> batch = stories.ungrouped(last, BATCH);
                !batch.isEmpty() && !stopRequested && done + failed < limit; batch = stories.ungrouped(last, BATCH)) {
            for (long id : batch) {
                if (stopRequested || done + failed >= limit) {
                    break;
                }
                last = id;
                if (done == nextAnalyze) {
                    // Statistics each time the grouped corpus doubles: a handful of ANALYZEs in all.
                    stories.analyzeIndex();
                    nextAnalyze *= 2;
                }
                long before = System.nanoTime();
                try {
                    if (alignThreads > 0) {
                        stories.group(id);
                    } else {
                        stories.assign(id);
                    }
                } catch (RuntimeException e) {
                    failed++;
                    System.err.println("✗ article " + id + ": " + e.getMessage());
                    continue;
                }
                if (done == millis.length) {
                    millis = Arrays.copyOf(millis, Math.max(1024, done * 2));
                }
                millis[done++] = (System.nanoTime() - before) / 1000;
                if (done % REPORT_EVERY == 0) {
                    System.out.printf(Locale.ROOT, "%d articles grouped, the last %d in %.1f s (median %.1f ms); "
                                    + "%d stories waiting for alignment%n", done, REPORT_EVERY,
                            (System.nanoTime() - windowStart) / 1e9,
                            median(Arrays.copyOfRange(millis, done - REPORT_EVERY, done)), alignments.pending());
                    windowStart = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.copyOf(millis, done);
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "Grouped %d article(s) in %.1f s; grouping per article median %.1f ms, p95 %.1f ms, max %.1f ms%s%n",
                done, seconds, percentile(all, 0.5), percentile(all, 0.95), percentile(all, 1.0),
                failed == 0 ? "" : "; " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static double median(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 0.5);
    }

    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }
}
