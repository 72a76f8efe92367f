package org.parallax.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parallax.core.alignment.StoryAligner;

/**
 * Aligning the seed story (four articles, six pairs) from the stored bodies: sentence analysis, quotations,
 * passage links with word diffs, unique passages and quote groups; what the application computes when the
 * story changes. Target: 20 ms warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlignmentBenchmark {

    private List<String> bodies;
    private final StoryAligner aligner = StoryAligner.standard();

    @Setup
    public void readSeeds() {
        bodies = SeedStory.bodies();
    }

    @Benchmark
    public StoryAligner.Result alignSeedStory() {
        return aligner.align(SeedStory.articles(bodies));
    }
}
