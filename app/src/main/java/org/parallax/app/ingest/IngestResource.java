package org.parallax.app.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.parallax.core.user.Accounts;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;

/**
 * {@code POST /api/ingest}: a multipart upload of one or more files of any supported format, run through
 * the same pipeline as {@code parallax ingest}. Uploaded parts are spooled to disk by Quarkus, so large
 * archives are streamed from there, not held in memory.
 *
 * <p>Editors only. Like every state-changing request it needs the CSRF token, here in the
 * {@code X-CSRF-TOKEN} header (or a {@code csrf-token} form part).
 */
@Path("/api/ingest")
public class IngestResource {

    private final IngestPipeline pipeline;

    public IngestResource(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @POST
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        List<FileUpload> chosen = UploadedFiles.chosen(files);
        if (chosen.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "no files: send one or more files as multipart/form-data parts")).build();
        }
        IngestSummary summary = pipeline.ingest(UploadedFiles.origin(chosen), UploadedFiles.inputs(chosen));
        return Response.ok(IngestReport.of(chosen.size(), summary)).build();
    }
}
