package org.parallax.ingest.pipeline;

import java.util.List;

/** What one ingest did, in the words the command line and the upload endpoint report. */
public record IngestSummary(long runId, int created, int unchanged, int nearDuplicates, int failed,
                            List<String> errors) {

    public boolean hasFailures() {
        return failed > 0;
    }

    public String line() {
        return created + " new, " + unchanged + " unchanged (already present), " + nearDuplicates
                + " near-duplicate, " + failed + " failed";
    }
}
