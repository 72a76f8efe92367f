package org.parallax.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.parallax.core.article.ArticleStored;

/**
 * The ingest counters on {@code /q/metrics}. They count what this process ingested (seeds, uploads);
 * an {@code ingest} command or CronJob is a process of its own, and its totals live in {@code ingest_run}.
 */
// Created at start so the counters are scraped as 0 before anything happened, not missing.
@Startup
@ApplicationScoped
public class IngestMetrics {

    private final Counter articlesIngested;
    private final Counter ingestFailures;

    public IngestMetrics(MeterRegistry registry) {
        this.articlesIngested = Counter.builder("parallax.articles.ingested")
                .description("New articles stored (re-ingesting an unchanged article does not count)")
                .register(registry);
        this.ingestFailures = Counter.builder("parallax.ingest.failures")
                .description("Inputs that could not be extracted or stored")
                .register(registry);
    }

    /** After commit only: an article whose transaction rolled back was never ingested. */
    void onArticleStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleStored event) {
        articlesIngested.increment();
    }

    void failureRecorded() {
        ingestFailures.increment();
    }
}
