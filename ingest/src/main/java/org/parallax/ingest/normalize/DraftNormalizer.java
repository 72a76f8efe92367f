package org.parallax.ingest.normalize;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ArticleText;
import org.parallax.ingest.extract.DraftBuilder;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.Warnings;
import org.parallax.ingest.language.LanguageDetection;
import org.parallax.ingest.text.OutletRecognizer;
import org.parallax.ingest.text.PlainTextExtractor;

/**
 * The last step every draft goes through, whatever format it came from, so that articles are stored the
 * same way: Unicode NFC and normalised whitespace (quotes, dashes and other punctuation stay as
 * published); the language detected; the outlet from the URL's domain, else from byline and text
 * signatures, else left unknown with a warning; the standard warnings; and a confidence lowered for each
 * thing that had to be guessed or is missing.
 */
public final class DraftNormalizer {

    /** Below this many words a body is more likely a teaser or an extraction miss than an article. */
    static final int SHORT_BODY_WORDS = 50;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2028\\u2029]+");
    /** C0/C1 controls, zero-width and bidi formatting marks left by scrapers; none is text. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cc}\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD\\u200E\\u200F\\u202A-\\u202E]");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i:by)\\s+");

    private final OutletRecognizer outlets;

    public DraftNormalizer(OutletRecognizer outlets) {
        this.outlets = outlets;
    }

    public ArticleDraft normalize(ArticleDraft draft) throws ExtractionException {
        List<Block> blocks = new ArrayList<>(draft.paragraphs().size());
        for (Block block : draft.paragraphs()) {
            String text = clean(block.text());
            if (!text.isEmpty()) {
                blocks.add(new Block(block.kind(), text));
            }
        }
        if (blocks.isEmpty()) {
            throw new ExtractionException(draft.source() + ": no article text found");
        }
        DraftBuilder out = DraftBuilder.from(draft).paragraphs(blocks);
        String headline = clean(draft.headline());
        boolean derived = draft.headlineDerived();
        if (headline.isEmpty()) {
            headline = PlainTextExtractor.deriveHeadline(blocks.get(0).text());
            derived = true;
        }
        out.headline(headline, derived).dek(blank(draft.dek())).byline(byline(draft.byline()));
        if (derived) {
            out.warn(Warnings.DERIVED_HEADLINE);
        }

        String body = ArticleText.body(blocks);
        LanguageDetection.detect(body).or(() -> declared(draft.language()))
                .ifPresentOrElse(out::language, () -> out.language(null));

        recognizeOutlet(draft, body, out);
        if (draft.publishedAt() == null) {
            out.warn(Warnings.NO_DATE);
        }
        int words = ArticleText.wordCount(body);
        if (words < SHORT_BODY_WORDS) {
            out.warn(Warnings.shortBody(words));
        }
        return out.confidence(confidence(draft.confidence(), out.warnings())).build();
    }

    private void recognizeOutlet(ArticleDraft draft, String body, DraftBuilder out) {
        if (draft.outlet() != null) {
            out.outlet(clean(draft.outlet()), draft.outletDomain()).unwarn(Warnings.UNKNOWN_OUTLET);
            return;
        }
        Optional<OutletRecognizer.Recognized> outlet = outlets.fromHost(host(draft.url()))
                .or(() -> outlets.recognize(null, draft.byline(), body));
        outlet.ifPresentOrElse(o -> out.outlet(o.name(), o.domain()).unwarn(Warnings.UNKNOWN_OUTLET),
                () -> out.warn(Warnings.UNKNOWN_OUTLET));
    }

    /**
     * Each missing or guessed fact lowers the reader's confidence in the stored article; a summary standing
     * in for the full text lowers it most.
     */
    static double confidence(double extracted, List<String> warnings) {
        double confidence = extracted;
        for (String warning : warnings) {
            if (warning.equals(Warnings.PARTIAL_FEED_ITEM)) {
                confidence *= 0.7;
            } else if (warning.equals(Warnings.NO_DATE) || warning.equals(Warnings.UNKNOWN_OUTLET)
                    || warning.equals(Warnings.DERIVED_HEADLINE) || warning.startsWith("short body")
                    || warning.equals(Warnings.CAPTURE_DATE)) {
                confidence *= 0.9;
            }
        }
        return Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0;
    }

    /** NFC, invisible characters removed, runs of whitespace made one space. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
    }

    private static String blank(String text) {
        String cleaned = clean(text);
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String byline(String byline) {
        String cleaned = clean(byline);
        cleaned = BY_PREFIX.matcher(cleaned).replaceFirst("");
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static Optional<String> declared(String language) {
        if (language == null) {
            return Optional.empty();
        }
        String code = language.strip().toLowerCase(java.util.Locale.ROOT);
        return code.matches("[a-z]{2}") ? Optional.of(code) : Optional.empty();
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
