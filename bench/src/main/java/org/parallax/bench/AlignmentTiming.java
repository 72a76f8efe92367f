package org.parallax.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.parallax.core.alignment.StoryAligner;

/**
 * Aligning the seed story, timed in wall-clock and in the thread's CPU time: on a shared machine the wall
 * clock also counts time the thread waited for a core, CPU time does not. Complements
 * {@link AlignmentBenchmark} (JMH, wall clock).
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am verify -DskipTests -Pbench -Dbench.main=org.parallax.bench.AlignmentTiming}
 */
public final class AlignmentTiming {

    private static final int WARMUP = 3_000;
    private static final int MEASURED = 2_000;

    private AlignmentTiming() {
    }

    public static void main(String[] args) {
        List<String> bodies = SeedStory.bodies();
        StoryAligner aligner = StoryAligner.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int links = 0;
        for (int i = 0; i < WARMUP; i++) {
            links += aligner.align(SeedStory.articles(bodies)).links().size();
        }
        double[] wall = new double[MEASURED];
        double[] cpu = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            links += aligner.align(SeedStory.articles(bodies)).links().size();
            wall[i] = (System.nanoTime() - wallStart) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        System.out.printf(Locale.ROOT, "align seed story (4 articles): wall median %.2f ms, mean %.2f ms; CPU median %.2f ms, "
                        + "mean %.2f ms (%d runs after %d warm-up, %d links)%n", median(wall), mean(wall), median(cpu),
                mean(cpu), MEASURED, WARMUP, links / (WARMUP + MEASURED));
        System.out.printf(Locale.ROOT, "load average while running: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
