package org.parallax.ingest.html.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.parallax.core.article.ArticleDraft;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.html.HtmlExtractor;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Extraction quality on Mozilla Readability's test pages ({@code readability-pages}: {@code source.html},
 * {@code expected.html}, {@code expected-metadata.json} per page).
 *
 * <ul>
 * <li>Body: {@link ShingleOverlap} precision and recall per page between all extracted blocks and the
 * text of {@code expected.html}, each averaged over pages; F1 of the two averages. A page that fails
 * to extract scores 0 for both.
 * <li>Title: the headline equals the expected title after whitespace collapsing and NFC.
 * <li>Byline, over pages whose expected byline is not null: after lower-casing, whitespace collapsing
 * and removing a leading "by", the two are equal or one contains the other.
 * </ul>
 *
 * Run: {@code ./mvnw -B -q -pl ingest -am -Phtml-quality process-test-classes}; add
 * {@code -Dhtml.quality.verbose=true} for per-page lines.
 */
public final class ReadabilityBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record PageResult(String page, double precision, double recall, boolean titleOk, Boolean bylineOk,
            String title, String expectedTitle, String byline, String expectedByline, String error) {
    }

    public static void main(String[] args) throws IOException {
        Path pages = args.length > 0 ? Path.of(args[0]) : SharedData.readabilityPages()
                .orElseThrow(() -> new IllegalStateException("readability-pages not found; pass its path"));
        boolean verbose = Boolean.getBoolean("html.quality.verbose");
        HtmlExtractor extractor = new HtmlExtractor(OutletRecognizer.standard());
        List<PageResult> results = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(pages)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                results.add(evaluate(extractor, dir));
            }
        }
        double precision = results.stream().mapToDouble(PageResult::precision).average().orElse(0);
        double recall = results.stream().mapToDouble(PageResult::recall).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        long titles = results.stream().filter(PageResult::titleOk).count();
        List<PageResult> withByline = results.stream().filter(r -> r.bylineOk() != null).toList();
        long bylines = withByline.stream().filter(PageResult::bylineOk).count();
        long errors = results.stream().filter(r -> r.error() != null).count();
        if (verbose) {
            for (PageResult r : results) {
                System.out.printf(Locale.ROOT, "%-40s P=%.3f R=%.3f%s%s%s%n", r.page(), r.precision(), r.recall(),
                        r.titleOk() ? "" : "  TITLE got=[" + r.title() + "] want=[" + r.expectedTitle() + "]",
                        r.bylineOk() == null || r.bylineOk() ? ""
                                : "  BYLINE got=[" + r.byline() + "] want=[" + r.expectedByline() + "]",
                        r.error() == null ? "" : "  ERROR " + r.error());
            }
        }
        System.out.printf(Locale.ROOT, "pages: %d (extraction errors: %d)%n", results.size(), errors);
        System.out.printf(Locale.ROOT, "body: precision %.4f, recall %.4f, F1 %.4f%n", precision, recall, f1);
        System.out.printf(Locale.ROOT, "title exact: %d/%d = %.1f%%%n", titles, results.size(),
                100.0 * titles / results.size());
        System.out.printf(Locale.ROOT, "byline: %d/%d = %.1f%%%n", bylines, withByline.size(),
                withByline.isEmpty() ? 0 : 100.0 * bylines / withByline.size());
    }

    public static PageResult evaluate(HtmlExtractor extractor, Path dir) throws IOException {
        String page = dir.getFileName().toString();
        String expectedBody = Jsoup.parse(Files.readString(dir.resolve("expected.html"))).text();
        JsonNode meta = JSON.readTree(dir.resolve("expected-metadata.json").toFile());
        String expectedTitle = textOrNull(meta.get("title"));
        String expectedByline = textOrNull(meta.get("byline"));
        ArticleDraft draft;
        try {
            draft = extractor.extract(page, Files.readAllBytes(dir.resolve("source.html")), null);
        } catch (ExtractionException e) {
            return new PageResult(page, 0, 0, false, expectedByline == null ? null : false, null, expectedTitle, null,
                    expectedByline, e.getMessage());
        }
        String body = draft.paragraphs().stream().map(ArticleDraft.Block::text).collect(Collectors.joining("\n\n"));
        ShingleOverlap.Score score = ShingleOverlap.score(body, expectedBody);
        boolean titleOk = normalize(draft.headline()).equals(normalize(expectedTitle));
        Boolean bylineOk = expectedByline == null ? null : bylineMatches(draft.byline(), expectedByline);
        return new PageResult(page, score.precision(), score.recall(), titleOk, bylineOk, draft.headline(), expectedTitle,
                draft.byline(), expectedByline, null);
    }

    static boolean bylineMatches(String actual, String expected) {
        String a = bylineKey(actual);
        String e = bylineKey(expected);
        return !a.isEmpty() && !e.isEmpty() && (a.equals(e) || a.contains(e) || e.contains(a));
    }

    private static String bylineKey(String byline) {
        return byline == null ? "" : normalize(byline).toLowerCase(Locale.ROOT).replaceFirst("^by\\s*:?\\s*", "");
    }

    private static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.replaceAll("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+", " ").strip(),
                Normalizer.Form.NFC);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
