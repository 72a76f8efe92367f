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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read files and folders (text, HTML, RSS/Atom, WARC, JSON, JSON Lines, Reuters SGML) into "
                + "PostgreSQL, one transaction per article.",
                "Safe to interrupt and re-run: articles already stored are recognised and left unchanged."})
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    private final IngestPipeline pipeline;

    public IngestCommand(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() {
        InputFiles inputs = new InputFiles(paths);
        String origin = paths.stream().map(Path::toString).collect(Collectors.joining(" "));
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
        return summary.hasFailures() ? 1 : 0;
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
                case NEAR_DUPLICATE -> nearDuplicates++;
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
