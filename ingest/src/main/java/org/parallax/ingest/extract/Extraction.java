package org.parallax.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.RawDocument;
import org.parallax.ingest.detect.Format;
import org.parallax.ingest.detect.FormatDetector;
import org.parallax.ingest.feed.FeedReader;
import org.parallax.ingest.html.HtmlArticle;
import org.parallax.ingest.html.HtmlExtractor;
import org.parallax.ingest.json.JsonArticleReader;
import org.parallax.ingest.normalize.DraftNormalizer;
import org.parallax.ingest.sgml.ReutersSgmlReader;
import org.parallax.ingest.text.OutletRecognizer;
import org.parallax.ingest.text.PlainTextExtractor;
import org.parallax.ingest.text.TextDecoding;
import org.parallax.ingest.warc.WarcArticleReader;

/**
 * Finds the articles in one input, whatever its format: the format is detected from the content
 * ({@link FormatDetector}), the matching reader finds the articles, and every draft is normalised the same
 * way ({@link DraftNormalizer}). Needs no database: {@code parallax extract} runs it alone, and the ingest
 * pipeline stores what it returns.
 *
 * <p>Results are pushed to a consumer one at a time, so a WARC or JSON Lines file of any length is
 * processed with memory for one record. A failure never escapes as an exception: it comes back as a
 * result with a one-line error naming the input (or the record inside it), and the rest goes on.
 */
public final class Extraction {

    private final IngestLimits limits;
    private final PlainTextExtractor plainText;
    private final HtmlExtractor html;
    private final FeedReader feeds;
    private final WarcArticleReader warcs;
    private final JsonArticleReader json;
    private final ReutersSgmlReader reuters;
    private final DraftNormalizer normalizer;

    public Extraction(OutletRecognizer outlets, IngestLimits limits) {
        this.limits = limits;
        this.plainText = new PlainTextExtractor(outlets);
        this.html = new HtmlExtractor(outlets);
        this.feeds = new FeedReader(outlets);
        this.warcs = new WarcArticleReader(html, limits);
        this.json = new JsonArticleReader(outlets, limits);
        this.reuters = new ReutersSgmlReader(outlets, limits);
        this.normalizer = new DraftNormalizer(outlets);
    }

    public static Extraction standard() {
        return standard(IngestLimits.DEFAULT);
    }

    public static Extraction standard(IngestLimits limits) {
        return new Extraction(OutletRecognizer.standard(), limits);
    }

    public IngestLimits limits() {
        return limits;
    }

    /** All articles of one input, in a list: for inputs known to be small. */
    public List<ExtractionResult> extract(Input input) {
        List<ExtractionResult> results = new ArrayList<>();
        extract(input, results::add);
        return results;
    }

    /** Each article found in the input, or each failure, handed to {@code sink} as soon as it is read. */
    public void extract(Input input, Consumer<ExtractionResult> sink) {
        read(input, result -> sink.accept(normalize(result)));
    }

    /**
     * Each article as read, not yet normalised, or each failure: {@link #normalize} finishes it. Reading is
     * the cheap, sequential part (a file is parsed in order); normalising (language detection above all)
     * is the expensive part, and independent per article, so the ingest pipeline runs it on several threads.
     */
    public void read(Input input, Consumer<ExtractionResult> sink) {
        if (input.rejection() != null) {
            sink.accept(ExtractionResult.failed(input.name(), input.rejection()));
            return;
        }
        try {
            read(input, FormatDetector.detect(input), sink);
        } catch (ExtractionException e) {
            sink.accept(ExtractionResult.failed(input.name(), e.getMessage()));
        } catch (StackOverflowError e) {
            sink.accept(ExtractionResult.failed(input.name(), input.name() + ": markup nested too deeply to read"));
        } catch (RuntimeException e) {
            sink.accept(ExtractionResult.failed(input.name(),
                    input.name() + ": extraction failed (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private void read(Input input, Format format, Consumer<ExtractionResult> sink) throws ExtractionException {
        String name = input.name();
        switch (format) {
            case TEXT -> {
                byte[] bytes = input.readAll(limits.maxDocumentBytes());
                ArticleDraft draft = plainText.extract(name, bytes);
                sink.accept(ExtractionResult.ok(
                        new RawDocument(bytes, format.mediaType(), TextDecoding.charsetOf(bytes), name), draft));
            }
            case HTML -> {
                byte[] bytes = input.readAll(limits.maxDocumentBytes());
                HtmlArticle page = html.extractArticle(name, bytes, null, null);
                // The charset the page was read with (BOM, meta or sniffed), so the original can be shown in it.
                sink.accept(ExtractionResult.ok(
                        new RawDocument(bytes, format.mediaType(), page.charset().name(), name), page.draft()));
            }
            case FEED -> feeds.read(name, input.readAll(limits.maxDocumentBytes()), sink);
            case WARC -> warcs.read(input, sink);
            case JSON -> json.readDocument(name, input.readAll(limits.maxDocumentBytes()), sink);
            case JSON_LINES -> json.readLines(input, sink);
            case REUTERS_SGML -> reuters.read(input, sink);
        }
    }

    /** A result of {@link #read} normalised; failures pass through. Thread-safe. */
    public ExtractionResult normalize(ExtractionResult result) {
        if (!result.isOk()) {
            return result;
        }
        try {
            return ExtractionResult.ok(result.raw(), normalizer.normalize(result.article()));
        } catch (ExtractionException e) {
            return ExtractionResult.failed(result.source(), e.getMessage());
        } catch (StackOverflowError e) {
            return ExtractionResult.failed(result.source(), result.source() + ": markup nested too deeply to read");
        } catch (RuntimeException e) {
            return ExtractionResult.failed(result.source(),
                    result.source() + ": extraction failed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
