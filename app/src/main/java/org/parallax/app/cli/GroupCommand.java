package org.parallax.app.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.core.story.StoryService;
import picocli.CommandLine.Command;

/**
 * Puts every stored article that is in no story yet into one, oldest first, through the same assignment as
 * ingest (grouping, then alignment of the stories that changed). For articles whose assignment failed, and
 * for measuring assignment on a loaded database: it prints the time per article.
 */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = {"Assign every article that is in no story yet to a story, oldest first, and align the "
                + "stories that change.", "Safe to interrupt and re-run: grouped articles are left as they are."})
public class GroupCommand implements Callable<Integer> {

    private static final int BATCH = 500;
    private static final int REPORT_EVERY = 1000;
    private static final long ANALYZE_FIRST = 250;

    private final StoryService stories;

    public GroupCommand(StoryService stories) {
        this.stories = stories;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        long[] millis = new long[0];
        int done = 0;
        int failed = 0;
        long last = 0;
        long windowStart = System.nanoTime();
        stories.analyzeIndex();
        long nextAnalyze = ANALYZE_FIRST;
        for (List<Long> batch = stories.ungrouped(last, BATCH); !batch.isEmpty(); batch = stories.ungrouped(last, BATCH)) {
            for (long id : batch) {
                last = id;
                if (done == nextAnalyze) {
                    // Statistics each time the grouped corpus doubles: a handful of ANALYZEs in all.
                    stories.analyzeIndex();
                    nextAnalyze *= 2;
                }
                long before = System.nanoTime();
                try {
                    stories.assign(id);
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
                    System.out.printf(Locale.ROOT, "%d articles grouped, the last %d in %.1f s (median %.1f ms)%n", done,
                            REPORT_EVERY, (System.nanoTime() - windowStart) / 1e9,
                            median(Arrays.copyOfRange(millis, done - REPORT_EVERY, done)));
                    windowStart = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.copyOf(millis, done);
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "Grouped %d article(s) in %.1f s; per article median %.1f ms, p95 %.1f ms, max %.1f ms%s%n",
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
