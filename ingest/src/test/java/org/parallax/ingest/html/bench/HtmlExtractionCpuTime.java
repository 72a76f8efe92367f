package org.parallax.ingest.html.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.html.HtmlExtractor;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Single-thread extraction speed on the 130 readability-pages measured in CPU time as well as wall
 * time. On a machine shared with other work the wall-clock rate (and JMH's) says more about the
 * neighbours than about the code; pages per CPU-second of the extracting thread is the rate one
 * dedicated core would reach. Warm-up rounds first, then measured rounds over all pages.
 *
 * <p>Run: {@code ./mvnw -B -q -pl ingest -am -Phtml-cpu process-test-classes}.
 */
public final class HtmlExtractionCpuTime {

    private static final int WARMUP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 10;

    public static void main(String[] args) throws IOException, ExtractionException {
        Path root = args.length > 0 ? Path.of(args[0]) : SharedData.readabilityPages()
                .orElseThrow(() -> new IllegalStateException("readability-pages not found; pass its path"));
        List<String> names = new ArrayList<>();
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                names.add(dir.getFileName().toString());
                pages.add(Files.readAllBytes(dir.resolve("source.html")));
            }
        }
        HtmlExtractor extractor = new HtmlExtractor(OutletRecognizer.standard());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (int i = 0; i < pages.size(); i++) {
                extractor.extract(names.get(i), pages.get(i), null);
            }
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long bytes = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (int i = 0; i < pages.size(); i++) {
                extractor.extract(names.get(i), pages.get(i), null);
                bytes += pages.get(i).length;
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        int extracted = MEASURED_ROUNDS * pages.size();
        System.out.printf(Locale.ROOT, "pages: %d x %d rounds (%.1f MB per round), %d cores, load average %.1f%n",
                pages.size(), MEASURED_ROUNDS, bytes / (double) MEASURED_ROUNDS / 1e6,
                Runtime.getRuntime().availableProcessors(), loadBefore);
        System.out.printf(Locale.ROOT, "one thread: %.1f pages per CPU-second (%.2f ms CPU per page)%n",
                extracted / cpuSeconds, cpuSeconds * 1000 / extracted);
        System.out.printf(Locale.ROOT, "one thread: %.1f pages per wall-clock second%n", extracted / wallSeconds);
    }
}
