package org.parallax.ingest.pipeline;

import java.util.List;

/**
 * What one ingest did, in the words the command line and the upload endpoint report.
 *
 * @param errors the first {@link IngestPipeline#MAX_REPORTED_ERRORS} one-line failure messages; every
 *               failure is recorded in {@code ingest_error} under {@code runId}
 * @param stopped the run was stopped by shutdown before it had read every input; running it again finishes it
 * @param removed articles not stored again because an editor had removed them (same body or address)
 */
public record IngestSummary(long runId, int created, int unchanged, int nearDuplicates, int failed,
                            List<String> errors, boolean stopped, int removed) {

    public IngestSummary {
        errors = List.copyOf(errors);
    }

    public IngestSummary(long runId, int created, int unchanged, int nearDuplicates, int failed, List<String> errors) {
        this(runId, created, unchanged, nearDuplicates, failed, errors, false, 0);
    }

    public boolean hasFailures() {
        return failed > 0;
    }

    /** Articles stored as new rows: new ones and near-duplicates (which are linked, not merged). */
    public int stored() {
        return created + nearDuplicates;
    }

    public String line() {
        return created + " new, " + unchanged + " unchanged (already present), " + nearDuplicates
                + " near-duplicate, " + failed + " failed"
                + (removed > 0 ? ", " + removed + " skipped (removed by an editor)" : "")
                + (stopped ? "; stopped by shutdown before the end" : "");
    }
}
