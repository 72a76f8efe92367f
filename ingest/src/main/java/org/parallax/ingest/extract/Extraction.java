package org.parallax.ingest.extract;

import java.util.List;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.RawDocument;
import org.parallax.ingest.text.OutletRecognizer;
import org.parallax.ingest.text.PlainTextExtractor;

/**
 * Finds the articles in one input. Needs no database: {@code parallax extract} runs it alone, and the
 * ingest pipeline stores what it returns. A failure never escapes as an exception; it comes back as a
 * result with a one-line error naming the input.
 */
public final class Extraction {

    private final PlainTextExtractor plainText;

    public Extraction(OutletRecognizer outlets) {
        this.plainText = new PlainTextExtractor(outlets);
    }

    public static Extraction standard() {
        return new Extraction(OutletRecognizer.standard());
    }

    public List<ExtractionResult> extract(Input input) {
        if (input.rejection() != null) {
            return List.of(ExtractionResult.failed(input.name(), input.rejection()));
        }
        try {
            ArticleDraft draft = plainText.extract(input.name(), input.bytes());
            RawDocument raw = new RawDocument(input.bytes(), "text/plain", "UTF-8", input.name());
            return List.of(ExtractionResult.ok(raw, draft));
        } catch (ExtractionException e) {
            return List.of(ExtractionResult.failed(input.name(), e.getMessage()));
        } catch (RuntimeException e) {
            return List.of(ExtractionResult.failed(input.name(),
                    input.name() + ": extraction failed (" + e.getClass().getSimpleName() + ")"));
        }
    }
}
