package org.parallax.ingest.html.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.parallax.core.article.ArticleDraft;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.html.HtmlExtractor;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Pages per second that {@link HtmlExtractor} reads from the 130 readability-pages, bytes to draft
 * (decoding, parsing, metadata, content, blocks). One operation is one page; each thread cycles through
 * all pages in order, so the score is pages/s averaged over the whole set.
 *
 * <p>Run: {@code ./mvnw -B -q -pl ingest -am -Phtml-speed process-test-classes} (see docs/benchmarks.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HtmlExtractionThroughput {

    /** The pages, read once and shared: extraction never modifies the bytes. */
    @State(Scope.Benchmark)
    public static class Pages {
        final List<String> names = new ArrayList<>();
        final List<byte[]> bytes = new ArrayList<>();
        final HtmlExtractor extractor = new HtmlExtractor(OutletRecognizer.standard());

        @Setup(Level.Trial)
        public void load() {
            Path root = SharedData.readabilityPages()
                    .orElseThrow(() -> new IllegalStateException("readability-pages not found (-Dparallax.data=PATH)"));
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    names.add(dir.getFileName().toString());
                    bytes.add(Files.readAllBytes(dir.resolve("source.html")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Where each thread is in the cycle through the pages. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @Threads(1)
    public ArticleDraft oneThread(Pages pages, Cursor cursor) throws ExtractionException {
        return extractNext(pages, cursor);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public ArticleDraft allCores(Pages pages, Cursor cursor) throws ExtractionException {
        return extractNext(pages, cursor);
    }

    /**
     * Reference point, not a target: decoding and parsing alone with jsoup, so figures taken on a busy
     * machine can be read relative to what the parser itself manages.
     */
    @Benchmark
    @Threads(1)
    public Document jsoupParseOnly(Pages pages, Cursor cursor) {
        int i = cursor.next;
        cursor.next = (i + 1) % pages.bytes.size();
        return Jsoup.parse(new String(pages.bytes.get(i), StandardCharsets.UTF_8));
    }

    private static ArticleDraft extractNext(Pages pages, Cursor cursor) throws ExtractionException {
        int i = cursor.next;
        cursor.next = (i + 1) % pages.bytes.size();
        return pages.extractor.extract(pages.names.get(i), pages.bytes.get(i), null);
    }
}
