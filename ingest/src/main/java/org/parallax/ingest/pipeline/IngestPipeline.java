package org.parallax.ingest.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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

    public IngestSummary ingest(String origin, Iterable<Input> inputs, IngestListener listener) {
        Run run = new Run(runs.start(origin), listener);
        for (Input input : inputs) {
            extraction.extract(input, run::take);
            listener.inputDone(input);
        }
        runs.finish(run.id, run.created, run.unchanged, run.nearDuplicates, run.failed);
        return new IngestSummary(run.id, run.created, run.unchanged, run.nearDuplicates, run.failed, run.errors);
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
                case NEAR_DUPLICATE -> nearDuplicates++;
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
