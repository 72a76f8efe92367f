package org.parallax.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.parallax.core.article.StoreResult;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.InputFiles;
import org.parallax.ingest.pipeline.IngestListener;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;
import org.parallax.core.search.SearchWordWorker;
import org.parallax.core.story.StoryAssignmentWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read files and folders (text, HTML, RSS/Atom, WARC, JSON, JSON Lines, Reuters SGML) into "
                + "PostgreSQL, one transaction per article.",
                "Safe to interrupt and re-run: articles already stored are recognised and left unchanged.",
                "New articles are grouped into stories after all of them are stored (reported separately); "
                        + "articles not yet grouped when interrupted are grouped by the next run or a running server."})
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--defer-grouping", description = "Exit once the articles are stored and leave grouping them "
            + "into stories to a running server (it picks up the queued articles within seconds).")
    boolean deferGrouping;

    private final IngestPipeline pipeline;
    private final StoryAssignmentWorker grouping;
    private final SearchWordWorker searchWords;

    public IngestCommand(IngestPipeline pipeline, StoryAssignmentWorker grouping, SearchWordWorker searchWords) {
        this.pipeline = pipeline;
        this.grouping = grouping;
        this.searchWords = searchWords;
    }

    @Override
    public Integer call() {
        InputFiles inputs = new InputFiles(paths);
        String origin = paths.stream().map(Path::toString).collect(Collectors.joining(" "));
        // Storing gets the CPU to itself; the follow-up work comes once everything is stored.
        grouping.pause();
        searchWords.pause();
        long started = System.nanoTime();
        IngestSummary summary;
        // A bar only where someone watches: System.console() is null when output is redirected or piped.
        if (System.console() != null) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Ingesting").setInitialMax(inputs.size())
                    .setUnit(" files", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build()) {
                summary = pipeline.ingest(origin, inputs, new BarListener(bar));
            }
        } else {
            summary = pipeline.ingest(origin, inputs);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary.errors().forEach(error -> System.err.println("✗ " + error));
        if (summary.failed() > summary.errors().size()) {
            System.err.println("✗ … and " + (summary.failed() - summary.errors().size())
                    + " more failures, all recorded in ingest_error for run " + summary.runId());
        }
        int articles = summary.created() + summary.unchanged() + summary.nearDuplicates();
        System.out.printf("Ingested %d file(s), %d article(s) in %.1f s (%.0f articles/s): %s%n", inputs.size(),
                articles, seconds, articles / Math.max(seconds, 1e-3), summary.line());
        if (summary.stopped()) {
            System.err.println("Stopped by shutdown at an article boundary; run the same command again to finish.");
            return 3;
        }
        long wordsStarted = System.nanoTime();
        long counted = searchWords.drain();
        System.out.printf("Added the words of %d article(s) to search suggestions in %.1f s%n", counted,
                (System.nanoTime() - wordsStarted) / 1e9);
        if (!deferGrouping) {
            group();
        }
        return summary.hasFailures() ? 1 : 0;
    }

    private void group() {
        long pending = grouping.pending();
        long started = System.nanoTime();
        long grouped;
        if (System.console() != null && pending > 0) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Grouping").setInitialMax(pending)
                    .setUnit(" articles", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build()) {
                grouped = grouping.drain(bar::stepBy);
            }
        } else {
            grouped = grouping.drain();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Grouped %d article(s) into stories in %.1f s (%.0f articles/s)%n", grouped, seconds,
                grouped / Math.max(seconds, 1e-3));
    }

    /** Advances per file read and shows the running counts, which matter most inside one big archive. */
    private static final class BarListener implements IngestListener {
        private final ProgressBar bar;
        private int created;
        private int unchanged;
        private int nearDuplicates;
        private int failed;

        BarListener(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        public void stored(StoreResult result) {
            switch (result.status()) {
                case NEW -> created++;
                case UNCHANGED -> unchanged++;
                // A revision is the updated version that used to be stored as a linked near-duplicate.
                case NEAR_DUPLICATE, REVISED -> nearDuplicates++;
                case REMOVED -> { }
            }
            show();
        }

        @Override
        public void failed(String message) {
            failed++;
            show();
        }

        @Override
        public void inputDone(Input input) {
            bar.step();
        }

        private void show() {
            bar.setExtraMessage(created + " new, " + unchanged + " unchanged, " + nearDuplicates + " near-dup, "
                    + failed + " failed");
        }
    }
}
