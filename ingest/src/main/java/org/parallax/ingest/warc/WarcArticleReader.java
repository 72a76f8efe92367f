package org.parallax.ingest.warc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.RawDocument;
import org.parallax.ingest.extract.DraftBuilder;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.Sizes;
import org.parallax.ingest.extract.Warnings;
import org.parallax.ingest.html.HtmlArticle;
import org.parallax.ingest.html.HtmlExtractor;

/**
 * Reads a WARC or WARC.gz file with jwarc, one record at a time: every successful HTML response (or HTML
 * resource record) becomes an article, with the record's target URI as its URL and the capture date as the
 * publication date when the page states none. Other records (requests, metadata, images, redirects) are
 * passed over. Memory holds one record payload at most; compressed files go through {@link GuardedGunzip}.
 */
public final class WarcArticleReader {

    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final HtmlExtractor html;
    private final IngestLimits limits;

    public WarcArticleReader(HtmlExtractor html, IngestLimits limits) {
        this.html = html;
        this.limits = limits;
    }

    public void read(Input input, Consumer<ExtractionResult> sink) throws ExtractionException {
        String name = input.name();
        int records = 0;
        try (InputStream in = open(input); WarcReader reader = new WarcReader(in)) {
            reader.onWarning(warning -> { });
            for (WarcRecord record = reader.next().orElse(null); record != null; record = reader.next().orElse(null)) {
                records++;
                Page page = page(record);
                if (page != null) {
                    sink.accept(extract(name, page));
                }
            }
        } catch (GuardedGunzip.BombException e) {
            throw new ExtractionException(name + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (bomb(e) != null) {
                throw new ExtractionException(name + ": " + bomb(e).getMessage(), e);
            }
            throw new ExtractionException(name + ": malformed WARC after " + records + " record(s) ("
                    + firstLine(e) + ")", e);
        }
    }

    private InputStream open(Input input) throws IOException {
        byte[] magic = input.head(2);
        InputStream raw = new BufferedInputStream(input.open(), 64 * 1024);
        boolean gzip = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        return gzip ? GuardedGunzip.over(raw, limits.maxArchiveBytes(), limits.maxCompressionRatio()) : raw;
    }

    /** An HTML page inside a record, its payload read up to the record limit. */
    private record Page(String target, Instant captured, byte[] payload, String charset, String problem) {
    }

    private Page page(WarcRecord record) throws IOException {
        if (record instanceof WarcResponse response) {
            if (!response.contentType().base().equals(MediaType.HTTP)) {
                return null;
            }
            HttpResponse http = response.http();
            if (http.status() < 200 || http.status() > 299 || !isHtml(http.contentType())) {
                return null;
            }
            return payload(response.target(), response.date(), http.bodyDecoded().stream(), http.contentType());
        }
        if (record instanceof WarcResource resource && isHtml(resource.contentType())) {
            return payload(resource.target(), resource.date(), resource.body().stream(), resource.contentType());
        }
        return null;
    }

    private Page payload(String target, Instant captured, InputStream body, MediaType type)
            throws IOException {
        // Read one byte past the limit to know it was passed; the rest of the record is skipped by jwarc.
        byte[] bytes = body.readNBytes((int) limits.maxRecordBytes() + 1);
        String charset = type.parameters().get("charset");
        if (bytes.length > limits.maxRecordBytes()) {
            return new Page(target, captured, null, charset, target + ": record payload is over the "
                    + Sizes.describe(limits.maxRecordBytes()) + " limit for one record");
        }
        return new Page(target, captured, bytes, charset, null);
    }

    private ExtractionResult extract(String archive, Page page) {
        if (page.problem() != null) {
            return ExtractionResult.failed(page.target(), page.problem());
        }
        try {
            // The HTTP header's charset outranks a <meta> declaration, as in a browser.
            HtmlArticle article = html.extractArticle(page.target(), page.payload(), page.target(), page.charset());
            ArticleDraft draft = article.draft();
            DraftBuilder builder = DraftBuilder.from(draft).url(page.target());
            if (draft.publishedAt() == null && page.captured() != null) {
                builder.publishedAt(page.captured()).unwarn(Warnings.NO_DATE).warn(Warnings.CAPTURE_DATE);
            }
            // The charset the page was read with: the header's, else the page's own <meta>, BOM or sniffed one.
            RawDocument raw = new RawDocument(page.payload(), "text/html", article.charset().name(), page.target());
            return ExtractionResult.ok(raw, builder.build());
        } catch (ExtractionException e) {
            return ExtractionResult.failed(page.target(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return ExtractionResult.failed(page.target(), page.target() + ": extraction failed in " + archive
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isHtml(MediaType type) {
        return type != null && HTML_TYPES.contains(type.base().toString().toLowerCase(Locale.ROOT));
    }

    private static GuardedGunzip.BombException bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedGunzip.BombException bomb) {
                return bomb;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
