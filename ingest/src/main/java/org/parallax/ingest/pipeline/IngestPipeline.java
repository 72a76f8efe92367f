package org.parallax.ingest.pipeline;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ArticleText;
import org.parallax.core.article.StoreResult;
import org.parallax.core.ingest.IngestConfig;
import org.parallax.core.ingest.IngestRunService;
import org.parallax.core.ingest.MinHash;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;

/**
 * read -> detect -> extract -> normalise -> store, one transaction per article. A failing input or record
 * is recorded in {@code ingest_error} and skipped; the rest of the batch goes on. Re-running the same
 * inputs changes nothing, so an interrupted run is finished by running it again.
 *
 * <p>On shutdown (SIGTERM) running ingests stop at the next article boundary: the article being stored
 * commits, the run is closed with its counts, and only then does the application go on shutting down.
 */
@ApplicationScoped
public class IngestPipeline {

    /** How many failure messages a summary carries; all of them are in {@code ingest_error}. */
    public static final int MAX_REPORTED_ERRORS = 100;
    /** Extracted articles waiting to be stored: enough to ride out a slow commit, few enough to bound memory. */
    private static final int QUEUE_CAPACITY = 256;
    /**
     * Threads normalising articles ahead of the storing thread. Storing is one thread (one transaction per
     * article, in reading order) that mostly waits for PostgreSQL; normalising is pure CPU.
     */
    private static final int NORMALIZING_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** How long shutdown waits for running ingests to reach an article boundary; one article takes far less. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final Extraction extraction;
    private final ArticleService articles;
    private final IngestRunService runs;
    private final Set<Run> active = ConcurrentHashMap.newKeySet();

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
     * Three stages overlap: one thread reads the inputs in order, a small pool normalises the articles read
     * (language detection, the near-duplicate signature: the CPU-heavy part), and the calling thread stores
     * them, in the order they were read, through a bounded queue of pending results. Storing in reading
     * order keeps a run's outcome (which copy is new, which is the near-duplicate) the same on every run;
     * the bounded queue keeps memory to a fixed number of articles in flight.
     */
    public IngestSummary ingest(String origin, Iterable<Input> inputs, IngestListener listener) {
        Run run = new Run(runs.start(origin), listener);
        active.add(run);
        try {
            BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            ExecutorService normalizers = Executors.newFixedThreadPool(NORMALIZING_THREADS, runnable -> {
                Thread thread = new Thread(runnable, "ingest-normalize");
                thread.setDaemon(true);
                return thread;
            });
            Thread extractor = new Thread(() -> extractAll(inputs, queue, normalizers), "ingest-extract");
            extractor.setDaemon(true);
            extractor.start();
            try {
                for (Item item = next(queue, run); !(item instanceof End); item = next(queue, run)) {
                    if (item instanceof Extracted extracted) {
                        run.take(await(extracted.prepared()));
                    } else if (item instanceof InputDone done) {
                        listener.inputDone(done.input());
                    }
                }
            } finally {
                extractor.interrupt();
                normalizers.shutdownNow();
            }
            if (run.stopRequested) {
                LOG.warnf("ingest run %d stopped by shutdown at an article boundary after %d new, %d unchanged; "
                        + "run the same ingest again to finish it", run.id, run.created, run.unchanged);
            }
            runs.finish(run.id, run.created, run.unchanged, run.nearDuplicates, run.failed);
            return new IngestSummary(run.id, run.created, run.unchanged, run.nearDuplicates, run.failed, run.errors,
                    run.stopRequested, run.removed);
        } finally {
            synchronized (active) {
                active.remove(run);
                active.notifyAll();
            }
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopRunning(STOP_WAIT);
    }

    /**
     * Asks every running ingest to stop after the article it is storing and waits until they have, at most
     * {@code wait}. True when none is left running.
     */
    public boolean stopRunning(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (active) {
            active.forEach(run -> run.stopRequested = true);
            while (!active.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(active, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return active.isEmpty();
                }
            }
            return true;
        }
    }

    /** The next item, or the end once a stop was requested: the loop only ever stops between articles. */
    private static Item next(BlockingQueue<Item> queue, Run run) {
        try {
            while (!run.stopRequested) {
                Item item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
            }
            return new End();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        }
    }

    private sealed interface Item permits Extracted, InputDone, End {
    }

    private record Extracted(Future<Prepared> prepared) implements Item {
    }

    /** A normalised result, with its body's signature when it is an article (computed off the storing thread). */
    private record Prepared(ExtractionResult result, Optional<MinHash.Signature> signature) {
    }

    private record InputDone(Input input) implements Item {
    }

    private record End() implements Item {
    }

    private void extractAll(Iterable<Input> inputs, BlockingQueue<Item> queue, ExecutorService normalizers) {
        try {
            for (Input input : inputs) {
                extraction.read(input, read -> put(queue, new Extracted(normalizers.submit(() -> prepare(read)))));
                put(queue, new InputDone(input));
            }
        } catch (StoppedException | RejectedExecutionException e) {
            // The storing side stopped (shutdown, or a stop between articles) and took the pool down with it.
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

    private Prepared prepare(ExtractionResult read) {
        ExtractionResult result = extraction.normalize(read);
        return new Prepared(result, result.isOk()
                ? MinHash.of(ArticleText.body(result.article().paragraphs())) : Optional.empty());
    }

    /** The prepared result; normalising reports bad input as a result, so a failure here is a defect. */
    private static Prepared await(Future<Prepared> prepared) {
        try {
            return prepared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("normalising an article failed", e.getCause());
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

    /** The counts of one run as it goes. */
    private final class Run {
        final long id;
        final IngestListener listener;
        final List<String> errors = new ArrayList<>();
        volatile boolean stopRequested;
        int created;
        int unchanged;
        int nearDuplicates;
        int removed;
        int failed;

        Run(long id, IngestListener listener) {
            this.id = id;
            this.listener = listener;
        }

        void take(Prepared prepared) {
            ExtractionResult result = prepared.result();
            if (!result.isOk()) {
                fail(result.source(), result.error());
                return;
            }
            StoreResult stored;
            try {
                stored = articles.store(result.raw(), result.article(), prepared.signature());
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
                case REMOVED -> removed++;
            }
            listener.stored(result.source(), stored);
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
