package org.parallax.app.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;
import org.parallax.app.ParallaxConfig;
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

    public SeedLoader(IngestPipeline pipeline, ParallaxConfig config) {
        this.pipeline = pipeline;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seeds().loadOnStart()) {
            IngestSummary summary = load();
            LOG.infof("Seeds: %s", summary.line());
        }
    }

    public IngestSummary load() {
        List<Input> inputs = Seeds.all().stream().map(seed -> new Input(seed.origin(), seed.content())).toList();
        return pipeline.ingest("seeds", inputs);
    }
}
