package org.parallax.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parallax.core.story.Assignment;
import org.parallax.core.story.FeatureExtractor;
import org.parallax.core.story.InMemoryStoryIndex;
import org.parallax.core.story.StoryAssigner;
import org.parallax.core.story.StorySettings;

/**
 * Groups the whole Reuters-21578 corpus into stories, one article at a time in file order, as ingest would;
 * prints the time taken, the slowest assignment and the shape of the result. Target: 10 minutes.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am verify -DskipTests -Pbench -Dbench.main=org.parallax.bench.ReutersGrouping}
 */
public final class ReutersGrouping {

    private ReutersGrouping() {
    }

    public static void main(String[] args) {
        List<Corpus.Doc> docs = Reuters.read(Corpus.data("reuters21578"));
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryAssigner assigner = new StoryAssigner(index, StorySettings.defaults());
        FeatureExtractor features = FeatureExtractor.english();
        Map<Assignment.Kind, Integer> kinds = new HashMap<>();
        long slowest = 0;
        long start = System.nanoTime();
        for (Corpus.Doc doc : docs) {
            long before = System.nanoTime();
            Assignment assignment = assigner.assign(doc.id(), doc.date(), features.extract(doc.title(), doc.body(), doc.outlet()));
            slowest = Math.max(slowest, System.nanoTime() - before);
            kinds.merge(assignment.kind(), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Long, Integer> sizes = new HashMap<>();
        index.assignments().values().forEach(story -> sizes.merge(story, 1, Integer::sum));
        long multi = sizes.values().stream().filter(size -> size > 1).count();
        int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "Reuters-21578: %d articles grouped in %.1f s (%.2f ms per article, slowest %.0f ms)%n",
                docs.size(), seconds, seconds * 1000 / docs.size(), slowest / 1e6);
        System.out.printf(Locale.ROOT, "%d stories, %d with more than one article, largest %d; %s%n",
                sizes.size(), multi, largest, kinds);
    }
}
