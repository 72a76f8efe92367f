package org.parallax.app.ingest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ArticleSummary;
import org.parallax.core.article.StoreResult;
import org.parallax.core.ingest.IngestConfig;
import org.parallax.core.user.Accounts;
import org.parallax.ingest.pipeline.IngestListener;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;

/**
 * {@code /ingest}: editors add articles from the browser. The form takes any mix of files the command line
 * reads (text, HTML, feeds, WARC, JSON, Reuters SGML) and runs them through the same pipeline as
 * {@code parallax ingest} and {@code POST /api/ingest}; the answer lists what became of each article and
 * every input that failed, with its one-line reason.
 */
@Path("/ingest")
@RolesAllowed(Accounts.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class UploadPage {

    /** Articles listed one by one after an upload; a bigger upload (an archive, a feed) is counted beyond it. */
    static final int LISTED = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Limits limits, String message);

        static native TemplateInstance result(Limits limits, Result result);
    }

    /** The size limits the form states, as configured. */
    public record Limits(String document, String record, String archive, String upload) {
    }

    /**
     * One article of the upload and what storing it did.
     *
     * @param source the file it came from, with the record or line inside an archive or JSON Lines file
     */
    public record Row(String source, String outcome, ArticleSummary article, Long nearDuplicateOf) {
    }

    /**
     * @param rows the first {@link #LISTED} articles, in reading order
     * @param unlisted articles beyond those
     */
    public record Result(int files, IngestSummary summary, List<Row> rows, int unlisted) {

        /** Failures beyond the reported messages; all are in {@code ingest_error}. */
        public int unreported() {
            return summary.failed() - summary.errors().size();
        }
    }

    private final IngestPipeline pipeline;
    private final ArticleService articles;
    private final Limits limits;

    /**
     * @param maxBody the HTTP server's limit on one request: a larger upload is refused (413) before it reaches
     *                this page, so the form states it
     */
    public UploadPage(IngestPipeline pipeline, ArticleService articles, IngestConfig config,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.pipeline = pipeline;
        this.articles = articles;
        this.limits = new Limits(size(config.maxDocumentSize().asLongValue()), size(config.maxRecordSize().asLongValue()),
                size(config.maxArchiveSize().asLongValue()), size(maxBody.asLongValue()));
    }

    @GET
    public TemplateInstance form() {
        return Templates.form(limits, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        List<FileUpload> chosen = UploadedFiles.chosen(files);
        if (chosen.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(limits, "Choose one or more files to add.")).build();
        }
        Collector collector = new Collector();
        IngestSummary summary = pipeline.ingest(UploadedFiles.origin(chosen), UploadedFiles.inputs(chosen), collector);
        Map<Long, ArticleSummary> found = articles.summaries(collector.results.stream().map(s -> s.result().articleId())
                .distinct().toList()).stream().collect(Collectors.toMap(ArticleSummary::id, a -> a));
        List<Row> rows = new ArrayList<>();
        for (Stored stored : collector.results) {
            ArticleSummary article = found.get(stored.result().articleId());
            if (article != null) {
                rows.add(new Row(stored.source(), outcome(stored.result().status()), article,
                        stored.result().nearDuplicateOf()));
            }
        }
        return Response.ok(Templates.result(limits, new Result(chosen.size(), summary, rows, collector.unlisted))).build();
    }

    private static String outcome(StoreResult.Status status) {
        return switch (status) {
            case NEW -> "new";
            case UNCHANGED -> "already stored";
            case NEAR_DUPLICATE -> "near-duplicate";
            case REVISED -> "new revision";
            case REMOVED -> "removed by an editor";
        };
    }

    /** Keeps the first {@link #LISTED} store results; the pipeline calls it on its storing thread only. */
    private static final class Collector implements IngestListener {
        final List<Stored> results = new ArrayList<>();
        int unlisted;

        @Override
        public void stored(String source, StoreResult result) {
            if (results.size() < LISTED) {
                results.add(new Stored(source, result));
            } else {
                unlisted++;
            }
        }
    }

    private record Stored(String source, StoreResult result) {
    }

    static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.0f %s", value, units[unit]);
    }
}
