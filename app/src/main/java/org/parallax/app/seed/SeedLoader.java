package org.parallax.app.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.parallax.app.ParallaxConfig;
import org.parallax.core.article.ArticleText;
import org.parallax.core.article.SourceDocument;
import org.parallax.core.search.SearchWordWorker;
import org.parallax.core.story.StoryAssignmentWorker;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;
import org.parallax.seeds.Seeds;

/** Loads the bundled seed articles through the real ingest path. Idempotent: ingest dedupes by content. */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final IngestPipeline pipeline;
    private final ParallaxConfig config;
    private final StoryAssignmentWorker grouping;
    private final SearchWordWorker searchWords;

    public SeedLoader(IngestPipeline pipeline, ParallaxConfig config, StoryAssignmentWorker grouping,
                      SearchWordWorker searchWords) {
        this.pipeline = pipeline;
        this.config = config;
        this.grouping = grouping;
        this.searchWords = searchWords;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seeds().loadOnStart()) {
            loadIfMissing().ifPresentOrElse(
                    summary -> LOG.infof("Seeds: %s", summary.line()),
                    () -> LOG.info("Seeds: already stored, nothing to load"));
        }
    }

    /**
     * Loads the seeds unless every one of them is already stored with its article. Checking the hashes costs one
     * query, while extracting again would load the language models on every start of every replica.
     */
    public Optional<IngestSummary> loadIfMissing() {
        List<String> hashes = Seeds.all().stream().map(seed -> ArticleText.sha256(seed.content())).toList();
        // Its own short transaction: the load below must keep ingest's one transaction per article.
        long stored = QuarkusTransaction.requiringNew().call(() -> SourceDocument.countExtracted(hashes));
        if (stored == hashes.size()) {
            return Optional.empty();
        }
        return Optional.of(load());
    }

    /**
     * Stores the seeds and does their follow-up work (stories, search suggestions) before returning, so the
     * first page served already shows them.
     */
    public IngestSummary load() {
        List<Input> inputs = Seeds.all().stream().map(seed -> new Input(seed.origin(), seed.content())).toList();
        IngestSummary summary = pipeline.ingest("seeds", inputs);
        grouping.drain();
        searchWords.drain();
        return summary;
    }
}
