package org.parallax.app.ingest;

import java.util.List;
import org.parallax.ingest.pipeline.IngestSummary;

/**
 * The JSON answer to an upload.
 *
 * @param created articles stored as new
 * @param unchanged articles already stored with the same normalised body: nothing written
 * @param nearDuplicates articles stored as their own rows and linked to a stored article they resemble
 * @param failed inputs or records that could not be read or stored
 * @param removed articles not stored because an editor had removed them (same body or address) as not articles
 * @param errors one line per failure (the first {@value org.parallax.ingest.pipeline.IngestPipeline#MAX_REPORTED_ERRORS}; all are in ingest_error)
 */
public record IngestReport(long runId, int files, int created, int unchanged, int nearDuplicates, int failed,
                           int removed, List<String> errors) {

    static IngestReport of(int files, IngestSummary summary) {
        return new IngestReport(summary.runId(), files, summary.created(), summary.unchanged(),
                summary.nearDuplicates(), summary.failed(), summary.removed(), summary.errors());
    }
}
