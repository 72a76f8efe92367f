package org.parallax.core.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Records ingest runs and their failures, each write in its own short transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IngestRunService {

    public long start(String origin) {
        IngestRun run = new IngestRun();
        run.origin = origin.length() > 2000 ? origin.substring(0, 2000) : origin;
        run.startedAt = Instant.now();
        run.persist();
        return run.id;
    }

    public void recordError(long runId, String input, String message) {
        IngestError error = new IngestError();
        error.run = IngestRun.findById(runId);
        error.input = input;
        error.message = message;
        error.createdAt = Instant.now();
        error.persist();
    }

    public void finish(long runId, int created, int unchanged, int nearDuplicates, int failed) {
        IngestRun run = IngestRun.findById(runId);
        run.newCount = created;
        run.unchangedCount = unchanged;
        run.nearDuplicateCount = nearDuplicates;
        run.failedCount = failed;
        run.finishedAt = Instant.now();
    }
}
