package org.parallax.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parallax.ingest.html.bench.ReadabilityBenchmark;
import org.parallax.ingest.html.bench.SharedData;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * A small slice of the real pages the quality benchmark runs in full: news sites with different
 * markup. Skipped when {@code ../shared/data} is not beside the repository.
 */
class ReadabilityPagesTests {

    private static final HtmlExtractor EXTRACTOR = new HtmlExtractor(OutletRecognizer.standard());

    @ParameterizedTest
    @ValueSource(strings = {"nytimes-1", "guardian-1", "lemonde-1", "wapo-1", "bbc-1", "rtl-1"})
    void extractsTheArticleBodyAndTitle(String page) throws Exception {
        Optional<Path> pages = SharedData.readabilityPages();
        assumeTrue(pages.isPresent(), "../shared/data/readability-pages is absent");

        var result = ReadabilityBenchmark.evaluate(EXTRACTOR, pages.get().resolve(page));

        assertThat(result.error()).isNull();
        assertThat(result.precision()).as("precision").isGreaterThan(0.95);
        assertThat(result.recall()).as("recall").isGreaterThan(0.95);
        assertThat(result.titleOk()).as("title %s vs %s", result.title(), result.expectedTitle()).isTrue();
    }
}
