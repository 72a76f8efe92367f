package org.parallax.app.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.parallax.core.ingest.IngestRunService;

/**
 * Every failure the ingest pipeline meets, whichever step it comes from, is recorded through
 * {@link IngestRunService#recordError}; counting there catches them all without the pipeline knowing
 * about metrics. Core fires no event for failures, hence this alternative rather than an observer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CountingIngestRunService extends IngestRunService {

    private final IngestMetrics metrics;

    public CountingIngestRunService(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void recordError(long runId, String input, String message) {
        super.recordError(runId, input, message);
        metrics.failureRecorded();
    }
}
