package org.parallax.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.alignment.AlignableArticle;
import org.parallax.core.alignment.LinkKind;
import org.parallax.core.alignment.PassageMatch;
import org.parallax.core.alignment.StoryAligner;
import org.parallax.core.quote.QuoteCluster;
import org.parallax.core.quote.QuoteRef;
import org.parallax.core.story.FeatureExtractor;
import org.parallax.core.story.InMemoryStoryIndex;
import org.parallax.core.story.StoryAssigner;
import org.parallax.core.story.StorySettings;

/**
 * Story grouping and quote alignment quality on BASIL's development set (45 events, each covered by Fox News,
 * The New York Times and HuffPost). Prints B-cubed precision, recall and F1 of the stories against the
 * events, with dates and with every date removed, in file order and in shuffled orders; then the recall of
 * verbatim quotes shared across outlets (definition in {@link #quoteRecall}).
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am verify -DskipTests -Pbench -Dbench.main=org.parallax.bench.BasilQuality}
 * (add {@code -Dbench.args=--misses} to list the quotes the links miss).
 */
public final class BasilQuality {

    private static final int SHUFFLES = 5;
    private static final int MIN_QUOTE_CHARS = 25;
    private static final Pattern QUOTED = Pattern.compile("[“\"]([^“”\"\\n]{" + MIN_QUOTE_CHARS + ",}?)[”\"]");

    private BasilQuality() {
    }

    public static void main(String[] args) {
        List<Corpus.Doc> docs = Basil.read(Corpus.data("basil-dev"));
        System.out.printf("BASIL dev: %d articles, %d events%n", docs.size(),
                docs.stream().map(Corpus.Doc::event).distinct().count());
        for (boolean dated : new boolean[] {true, false}) {
            report(dated ? "with dates   " : "without dates", docs, dated);
            Random random = new Random(42);
            double worst = 1;
            double[] worstPrf = null;
            double sum = 0;
            for (int i = 0; i < SHUFFLES; i++) {
                List<Corpus.Doc> order = new ArrayList<>(docs);
                Collections.shuffle(order, random);
                double[] prf = bcubed(order, dated);
                double f1 = prf[2];
                if (worstPrf == null || f1 < worstPrf[2]) {
                    worstPrf = prf;
                }
                if (List.of(args).contains("--groups")) {
                    printErrors(order, dated, i);
                }
                worst = Math.min(worst, f1);
                sum += f1;
            }
            System.out.printf(Locale.ROOT, "  %d shuffled orders: mean F1 %.3f, worst %.3f (P %.3f R %.3f); target 0.97: %s%n",
                    SHUFFLES, sum / SHUFFLES, worst, worstPrf[0], worstPrf[1], worst >= 0.97 ? "met" : "NOT met");
        }
        quoteRecall(docs, List.of(args).contains("--misses"));
    }

    private static void report(String label, List<Corpus.Doc> docs, boolean dated) {
        double[] prf = bcubed(docs, dated);
        System.out.printf(Locale.ROOT, "stories %s (file order): B-cubed P %.3f R %.3f F1 %.3f%n", label, prf[0], prf[1], prf[2]);
    }

    /** The events split over stories and the stories mixing events, for one arrival order. */
    private static void printErrors(List<Corpus.Doc> docs, boolean dated, int shuffle) {
        Map<Long, Long> story = group(docs, dated);
        Map<Long, List<Corpus.Doc>> stories = new HashMap<>();
        docs.forEach(doc -> stories.computeIfAbsent(story.get(doc.id()), k -> new ArrayList<>()).add(doc));
        for (List<Corpus.Doc> members : stories.values()) {
            List<Corpus.Doc> event = docs.stream().filter(d -> d.event().equals(members.get(0).event())).toList();
            boolean mixed = members.stream().map(Corpus.Doc::event).distinct().count() > 1;
            if (mixed || members.size() < event.size()) {
                System.out.printf("  shuffle %d %s story:%n", shuffle, mixed ? "mixed" : "partial");
                members.forEach(d -> System.out.printf("    %d %s %s | %s%n", d.id(), d.event().substring(0, 8), d.outlet(), d.title()));
            }
        }
    }

    private static Map<Long, Long> group(List<Corpus.Doc> docs, boolean dated) {
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryAssigner assigner = new StoryAssigner(index, StorySettings.defaults());
        FeatureExtractor features = FeatureExtractor.english();
        for (Corpus.Doc doc : docs) {
            assigner.assign(doc.id(), dated ? doc.date() : null, features.extract(doc.title(), doc.body(), doc.outlet()));
        }
        return index.assignments();
    }

    /** Groups the articles in the given order; returns B-cubed precision, recall, F1. */
    static double[] bcubed(List<Corpus.Doc> docs, boolean dated) {
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryAssigner assigner = new StoryAssigner(index, StorySettings.defaults());
        FeatureExtractor features = FeatureExtractor.english();
        for (Corpus.Doc doc : docs) {
            assigner.assign(doc.id(), dated ? doc.date() : null, features.extract(doc.title(), doc.body(), doc.outlet()));
        }
        Map<Long, Long> story = index.assignments();
        double precision = 0;
        double recall = 0;
        for (Corpus.Doc a : docs) {
            int both = 0;
            int sameStory = 0;
            int sameEvent = 0;
            for (Corpus.Doc b : docs) {
                boolean s = story.get(a.id()).equals(story.get(b.id()));
                boolean e = a.event().equals(b.event());
                sameStory += s ? 1 : 0;
                sameEvent += e ? 1 : 0;
                both += s && e ? 1 : 0;
            }
            precision += (double) both / sameStory;
            recall += (double) both / sameEvent;
        }
        precision /= docs.size();
        recall /= docs.size();
        return new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
    }

    /**
     * Recall of verbatim quotes shared across outlets. Ground truth, found independently of Parallax's quote
     * finder: in each article A, every run of at least 25 characters between double quotation marks
     * (typographic or straight, within one paragraph) whose normalised text (lower case, runs of
     * non-alphanumerics as one space) occurs in the normalised body of another article B of the same event
     * from another outlet. One item per (quote, A, B). An item is found by the links when the verbatim or near
     * links between A and B cover at least 90% of the quote's characters in A; and by the quote groups when
     * a quote Parallax found in A overlapping it shares a group with a quote of B. Each event is aligned as one
     * story, so this measures alignment, not grouping.
     */
    private static void quoteRecall(List<Corpus.Doc> docs, boolean printMisses) {
        Map<String, List<Corpus.Doc>> events = new HashMap<>();
        docs.forEach(doc -> events.computeIfAbsent(doc.event(), k -> new ArrayList<>()).add(doc));
        StoryAligner aligner = StoryAligner.standard();
        int items = 0;
        int byLinks = 0;
        int byGroups = 0;
        long nanos = 0;
        for (List<Corpus.Doc> event : events.values()) {
            List<AlignableArticle> articles = event.stream().map(d -> AlignableArticle.of(d.id(), d.body())).toList();
            long start = System.nanoTime();
            StoryAligner.Result result = aligner.align(articles);
            nanos += System.nanoTime() - start;
            for (Corpus.Doc a : event) {
                Matcher quote = QUOTED.matcher(a.body());
                while (quote.find()) {
                    String needle = normalise(quote.group(1));
                    if (needle.length() < MIN_QUOTE_CHARS) {
                        continue;
                    }
                    for (Corpus.Doc b : event) {
                        if (b == a || b.outlet().equals(a.outlet()) || !normalise(b.body()).contains(needle)) {
                            continue;
                        }
                        items++;
                        if (covered(result.links(), a.id(), b.id(), quote.start(1), quote.end(1))) {
                            byLinks++;
                        } else if (printMisses) {
                            System.out.printf("missed %d -> %d: %s%n", a.id(), b.id(), quote.group(1));
                        }
                        if (grouped(result.quotes(), a.id(), b.id(), quote.start(1), quote.end(1))) {
                            byGroups++;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "shared verbatim quotes (>= %d chars): %d; found by links %d (recall %.3f), "
                        + "by quote groups %d (recall %.3f); aligning all %d events took %.0f ms%n",
                MIN_QUOTE_CHARS, items, byLinks, (double) byLinks / items, byGroups, (double) byGroups / items,
                events.size(), nanos / 1e6);
    }

    private static boolean covered(List<PassageMatch> links, long a, long b, int start, int end) {
        boolean[] hit = new boolean[end - start];
        for (PassageMatch link : links) {
            if (link.kind() == LinkKind.PARAPHRASE) {
                continue;
            }
            int from;
            int to;
            if (link.articleA() == a && link.articleB() == b) {
                from = link.aStart();
                to = link.aEnd();
            } else if (link.articleB() == a && link.articleA() == b) {
                from = link.bStart();
                to = link.bEnd();
            } else {
                continue;
            }
            for (int i = Math.max(from, start); i < Math.min(to, end); i++) {
                hit[i - start] = true;
            }
        }
        int count = 0;
        for (boolean h : hit) {
            count += h ? 1 : 0;
        }
        return count >= 0.9 * hit.length;
    }

    private static boolean grouped(List<QuoteCluster> clusters, long a, long b, int start, int end) {
        for (QuoteCluster cluster : clusters) {
            boolean hasA = false;
            boolean hasB = false;
            for (QuoteRef ref : cluster.members()) {
                hasA |= ref.article() == a && ref.quote().start() < end && start < ref.quote().end();
                hasB |= ref.article() == b;
            }
            if (hasA && hasB) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
