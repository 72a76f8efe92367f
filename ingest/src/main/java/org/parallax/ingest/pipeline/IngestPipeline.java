package org.parallax.ingest.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.StoreResult;
import org.parallax.core.ingest.IngestRunService;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.Input;

/**
 * read -> extract -> store, one transaction per article. A failing input is recorded and skipped; the
 * rest of the batch goes on. Re-running the same inputs changes nothing.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final Extraction extraction = Extraction.standard();
    private final ArticleService articles;
    private final IngestRunService runs;

    public IngestPipeline(ArticleService articles, IngestRunService runs) {
        this.articles = articles;
        this.runs = runs;
    }

    public IngestSummary ingest(String origin, Iterable<Input> inputs) {
        return ingest(origin, inputs, progress -> {
        });
    }

    /** @param progress told after each input, with the count of inputs done */
    public IngestSummary ingest(String origin, Iterable<Input> inputs, Consumer<Integer> progress) {
        long runId = runs.start(origin);
        int created = 0;
        int unchanged = 0;
        int failed = 0;
        int done = 0;
        List<String> errors = new ArrayList<>();
        for (Input input : inputs) {
            for (ExtractionResult result : extraction.extract(input)) {
                if (!result.isOk()) {
                    failed++;
                    errors.add(result.error());
                    runs.recordError(runId, result.source(), result.error());
                    continue;
                }
                try {
                    StoreResult stored = articles.store(result.raw(), result.article());
                    if (stored.status() == StoreResult.Status.NEW) {
                        created++;
                    } else {
                        unchanged++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    String message = result.source() + ": could not be stored (" + rootMessage(e) + ")";
                    LOG.warn(message, e);
                    errors.add(message);
                    runs.recordError(runId, result.source(), message);
                }
            }
            progress.accept(++done);
        }
        runs.finish(runId, created, unchanged, 0, failed);
        return new IngestSummary(runId, created, unchanged, 0, failed, List.copyOf(errors));
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
