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
import org.parallax.core.story.Assignment;
import org.parallax.core.story.FeatureExtractor;
import org.parallax.core.story.InMemoryStoryIndex;
import org.parallax.core.story.StoryAssigner;
import org.parallax.core.story.StorySettings;

/**
 * Assigning one new article to stories in a corpus of 20,000 Reuters-21578 articles: feature extraction,
 * candidate lookup in the inverted index, similarity, linking and regrouping. The index is in memory; the
 * application's PostgreSQL index runs the same algorithm with indexed queries. Target: 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1) // inherits the launcher's -Xmx and -Dparallax.data
public class AssignmentBenchmark {

    static final int CORPUS = 20_000;

    private final FeatureExtractor features = FeatureExtractor.english();
    private List<Corpus.Doc> docs;
    private StoryAssigner assigner;
    private int next;
    private long round = 1;

    @Setup
    public void indexCorpus() {
        docs = Reuters.read(Corpus.data("reuters21578"));
        if (docs.size() <= CORPUS) {
            throw new IllegalStateException("Reuters-21578 has only " + docs.size() + " articles with a body");
        }
        assigner = new StoryAssigner(new InMemoryStoryIndex(), StorySettings.defaults());
        for (Corpus.Doc doc : docs.subList(0, CORPUS)) {
            assign(doc);
        }
        next = CORPUS;
    }

    @Benchmark
    public Assignment assignOneArticle() {
        Corpus.Doc doc = docs.get(next);
        if (++next == docs.size()) {
            // Past the end of the corpus, the held-out articles come round again under new ids.
            next = CORPUS;
            round++;
        }
        return assigner.assign(doc.id() + (long) docs.size() * round, doc.date(),
                features.extract(doc.title(), doc.body(), doc.outlet()));
    }

    private Assignment assign(Corpus.Doc doc) {
        return assigner.assign(doc.id(), doc.date(), features.extract(doc.title(), doc.body(), doc.outlet()));
    }
}
