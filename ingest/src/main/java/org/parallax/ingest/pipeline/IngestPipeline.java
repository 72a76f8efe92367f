package org.parallax.ingest.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jboss.logging.Logger;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.StoreResult;
import org.parallax.core.ingest.IngestConfig;
import org.parallax.core.ingest.IngestRunService;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;

/**
 * read -> detect -> extract -> normalise -> store, one transaction per article. A failing input or record
 * is recorded in {@code ingest_error} and skipped; the rest of the batch goes on. Re-running the same
 * inputs changes nothing, so an interrupted run is finished by running it again.
 */
@ApplicationScoped
public class IngestPipeline {

    /** How many failure messages a summary carries; all of them are in {@code ingest_error}. */
    public static final int MAX_REPORTED_ERRORS = 100;
    /** Extracted articles waiting to be stored: enough to ride out a slow commit, few enough to bound memory. */
    private static final int QUEUE_CAPACITY = 256;

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final Extraction extraction;
    private final ArticleService articles;
    private final IngestRunService runs;

    @Inject
    public IngestPipeline(ArticleService articles, IngestRunService runs, IngestConfig config) {
        this(articles, runs, Extraction.standard(new IngestLimits(config.maxDocumentSize().asLongValue(),
                config.maxRecordSize().asLongValue(), config.maxArchiveSize().asLongValue(),
                config.maxCompressionRatio())));
    }

    public IngestPipeline(ArticleService articles, IngestRunService runs, Extraction extraction) {
        this.articles = articles;
        this.runs = runs;
        this.extraction = extraction;
    }

    public IngestSummary ingest(String origin, Iterable<Input> inputs) {
        return ingest(origin, inputs, IngestListener.NONE);
    }

    /**
     * Extraction (parsing, language detection) runs on a second thread, a bounded queue ahead of the storing
     * thread, so that the CPU work of one article overlaps the database round trips of the one before.
     */
    public IngestSummary ingest(String origin, Iterable<Input> inputs, IngestListener listener) {
        Run run = new Run(runs.start(origin), listener);
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        Thread extractor = new Thread(() -> extractAll(inputs, queue), "ingest-extract");
        extractor.setDaemon(true);
        extractor.start();
        try {
            for (Item item = take(queue); !(item instanceof End); item = take(queue)) {
                if (item instanceof Extracted extracted) {
                    run.take(extracted.result());
                } else if (item instanceof InputDone done) {
                    listener.inputDone(done.input());
                }
            }
        } finally {
            extractor.interrupt();
        }
        runs.finish(run.id, run.created, run.unchanged, run.nearDuplicates, run.failed);
        return new IngestSummary(run.id, run.created, run.unchanged, run.nearDuplicates, run.failed, run.errors);
    }

    private sealed interface Item permits Extracted, InputDone, End {
    }

    private record Extracted(ExtractionResult result) implements Item {
    }

    private record InputDone(Input input) implements Item {
    }

    private record End() implements Item {
    }

    private void extractAll(Iterable<Input> inputs, BlockingQueue<Item> queue) {
        try {
            for (Input input : inputs) {
                extraction.extract(input, result -> put(queue, new Extracted(result)));
                put(queue, new InputDone(input));
            }
        } catch (StoppedException e) {
            return;
        } catch (RuntimeException | Error e) {
            // Extraction reports bad input as results; reaching here is a defect. Still end the run cleanly.
            LOG.error("ingest extraction stopped", e);
        }
        try {
            queue.put(new End());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The storing side has gone away (interrupted): stop extracting. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Item> queue, Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
    }

    private static Item take(BlockingQueue<Item> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        }
    }

    /** The counts of one run as it goes. */
    private final class Run {
        final long id;
        final IngestListener listener;
        final List<String> errors = new ArrayList<>();
        int created;
        int unchanged;
        int nearDuplicates;
        int failed;

        Run(long id, IngestListener listener) {
            this.id = id;
            this.listener = listener;
        }

        void take(ExtractionResult result) {
            if (!result.isOk()) {
                fail(result.source(), result.error());
                return;
            }
            StoreResult stored;
            try {
                stored = articles.store(result.raw(), result.article());
            } catch (RuntimeException e) {
                String message = result.source() + ": could not be stored (" + rootMessage(e) + ")";
                LOG.debug(message, e);
                fail(result.source(), message);
                return;
            }
            switch (stored.status()) {
                case NEW -> created++;
                case UNCHANGED -> unchanged++;
                // A revision is the updated version that used to be stored as a linked near-duplicate.
                case NEAR_DUPLICATE, REVISED -> nearDuplicates++;
            }
            listener.stored(stored);
        }

        void fail(String source, String message) {
            failed++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(message);
            }
            runs.recordError(id, source, message);
            listener.failed(message);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
