package org.parallax.core.alignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.quote.QuoteCluster;
import org.parallax.core.quote.QuoteGrouper;
import org.parallax.core.quote.QuoteSpan;
import org.parallax.core.text.AnalysedSentence;
import org.parallax.core.text.SparseVectors;

/**
 * Aligns the articles of one story: passage links between pairs, the passages only one article carries, and
 * quotes grouped across articles. Pure: the application stores what it returns. Pairs can be aligned
 * incrementally, so that a story that gains one article only aligns the newcomer with each member.
 */
public final class StoryAligner {

    /**
     * Members a newcomer is aligned with at most, the most similar first. A story of 170 Reuters articles
     * would otherwise align each arrival with every member, and one of 70 near-identical copies produced
     * over 100,000 links; eight partners cover every pair in the stories readers compare (BASIL events have
     * three articles, the seed story four).
     */
    public static final int MAX_PARTNERS = 8;
    /**
     * A partner whose verbatim and near links cover this share of the newcomer's sentences, and the
     * newcomer this share of the partner's, is a copy of it: the copy is aligned with that representative
     * only, which already carries the copy's links to the rest of the story.
     */
    static final double COPY_COVER = 0.8;

    private final AlignmentSettings settings;
    private final PairAligner pairs;
    private final QuoteGrouper grouper = new QuoteGrouper();

    public StoryAligner(AlignmentSettings settings) {
        this.settings = settings;
        this.pairs = new PairAligner(settings);
    }

    public static StoryAligner standard() {
        return new StoryAligner(AlignmentSettings.defaults());
    }

    /** Everything about a story aligned at once. */
    public record Result(List<PassageMatch> links, List<Passage> unique, List<QuoteCluster> quotes) {
    }

    /** Every member is a newcomer: each pair is aligned in a story of up to {@link #MAX_PARTNERS} + 1 members. */
    public Result align(List<AlignableArticle> members) {
        List<PassageMatch> links = alignNewcomers(members, members.stream().map(AlignableArticle::id).toList(),
                Set.of()).links();
        List<Passage> unique = new ArrayList<>();
        Map<Long, List<QuoteSpan>> found = new LinkedHashMap<>();
        for (AlignableArticle article : members) {
            unique.addAll(unique(article, links));
            found.put(article.id(), quotes(article));
        }
        return new Result(links, unique, groupQuotes(found, links));
    }

    /**
     * Links for the given pairs of member ids; words are weighed over all members.
     *
     * @param pairs article id pairs, each aligned once whatever its order
     */
    public List<PassageMatch> alignPairs(List<AlignableArticle> members, Collection<long[]> pairs) {
        PairAligner.StoryContext context = new PairAligner.StoryContext(TermWeights.of(members));
        Map<Long, PairAligner.Prepared> prepared = new HashMap<>();
        for (AlignableArticle member : members) {
            prepared.put(member.id(), this.pairs.prepare(member, context));
        }
        List<PassageMatch> links = new ArrayList<>();
        for (long[] pair : pairs) {
            long a = Math.min(pair[0], pair[1]);
            long b = Math.max(pair[0], pair[1]);
            links.addAll(this.pairs.align(prepared.get(a), prepared.get(b), context));
        }
        return links;
    }

    /** What aligning a story's newcomers produced: the links, and the pairs aligned (smaller id first). */
    public record Increment(List<PassageMatch> links, List<long[]> aligned) {
    }

    /**
     * Aligns the newcomers of a story (new arrivals, articles moved in by a merge or split, a revised one)
     * with the members they are most similar to, never more than {@link #MAX_PARTNERS} each, and with one
     * representative only when the newcomer turns out to be a copy of it. The newcomer with the most
     * members still to align goes first, so that a newcomer picks its partners rather than every old
     * member picking it.
     *
     * @param alreadyAligned pairs aligned before, as {@code min + ":" + max}: never aligned again
     */
    public Increment alignNewcomers(List<AlignableArticle> members, Collection<Long> newcomers,
            Set<String> alreadyAligned) {
        PairAligner.StoryContext context = new PairAligner.StoryContext(TermWeights.of(members));
        Map<Long, PairAligner.Prepared> prepared = new HashMap<>();
        Map<Long, Map<String, Double>> profiles = new HashMap<>();
        Map<Long, AlignableArticle> byId = new HashMap<>();
        for (AlignableArticle member : members) {
            prepared.put(member.id(), this.pairs.prepare(member, context));
            profiles.put(member.id(), profile(member, context.weights()));
            byId.put(member.id(), member);
        }
        Set<String> done = new HashSet<>(alreadyAligned);
        List<Long> order = new ArrayList<>(newcomers.stream().filter(byId::containsKey).distinct().toList());
        Map<Long, Integer> missing = new HashMap<>();
        for (long id : order) {
            missing.put(id, (int) members.stream().filter(m -> m.id() != id && !done.contains(key(id, m.id()))).count());
        }
        order.sort(Comparator.<Long>comparingInt(missing::get).reversed().thenComparing(Comparator.reverseOrder()));
        List<PassageMatch> links = new ArrayList<>();
        List<long[]> aligned = new ArrayList<>();
        for (long id : order) {
            Map<String, Double> own = profiles.get(id);
            List<AlignableArticle> candidates = new ArrayList<>(members.stream()
                    .filter(m -> m.id() != id && !done.contains(key(id, m.id()))).toList());
            Map<Long, Double> similarity = new HashMap<>();
            candidates.forEach(m -> similarity.put(m.id(), cosine(own, profiles.get(m.id()))));
            candidates.sort(Comparator.<AlignableArticle>comparingDouble(m -> similarity.get(m.id())).reversed()
                    .thenComparing(AlignableArticle::id, Comparator.reverseOrder()));
            int taken = 0;
            for (AlignableArticle partner : candidates) {
                if (taken == MAX_PARTNERS) {
                    break;
                }
                long a = Math.min(id, partner.id());
                long b = Math.max(id, partner.id());
                List<PassageMatch> found = this.pairs.align(prepared.get(a), prepared.get(b), context);
                links.addAll(found);
                aligned.add(new long[] {a, b});
                done.add(key(a, b));
                taken++;
                if (covers(found, byId.get(id)) >= COPY_COVER && covers(found, partner) >= COPY_COVER) {
                    break;
                }
            }
        }
        return new Increment(links, aligned);
    }

    private static String key(long x, long y) {
        return Math.min(x, y) + ":" + Math.max(x, y);
    }

    /** The article's content words weighed as for alignment: what picks a newcomer's closest members. */
    private Map<String, Double> profile(AlignableArticle article, TermWeights weights) {
        Map<String, Double> vector = new HashMap<>();
        for (AnalysedSentence sentence : article.sentences()) {
            for (org.parallax.core.text.Token token : sentence.tokens()) {
                if (token.isContent()) {
                    vector.merge(token.key(), weights.of(token.key()), Double::sum);
                }
            }
        }
        return vector;
    }

    private static double cosine(Map<String, Double> x, Map<String, Double> y) {
        double norms = Math.sqrt(norm(x) * norm(y));
        return norms == 0 ? 0 : SparseVectors.dot(x, y) / norms;
    }

    private static double norm(Map<String, Double> x) {
        return x.values().stream().mapToDouble(v -> v * v).sum();
    }

    /** Share of the article's (long enough) sentence characters that verbatim or near links cover. */
    private double covers(List<PassageMatch> links, AlignableArticle article) {
        boolean[] hit = new boolean[article.body().length()];
        for (PassageMatch link : links) {
            if (link.kind() == LinkKind.PARAPHRASE) {
                continue;
            }
            int start = link.articleA() == article.id() ? link.aStart() : link.bStart();
            int end = link.articleA() == article.id() ? link.aEnd() : link.bEnd();
            for (int i = Math.max(0, start); i < Math.min(end, hit.length); i++) {
                hit[i] = true;
            }
        }
        long total = 0;
        long covered = 0;
        for (AnalysedSentence sentence : article.sentences()) {
            if (sentence.contentWords() < settings.minContentWords()) {
                continue;
            }
            total += sentence.end() - sentence.start();
            for (int i = sentence.start(); i < sentence.end(); i++) {
                covered += hit[i] ? 1 : 0;
            }
        }
        return total == 0 ? 0 : (double) covered / total;
    }

    /** Unique passages of every member at once, each link looked at once (a story can hold many thousands). */
    public List<Passage> unique(List<AlignableArticle> members, Collection<PassageMatch> links) {
        Map<Long, List<int[]>> spans = new HashMap<>();
        for (PassageMatch link : links) {
            spans.computeIfAbsent(link.articleA(), k -> new ArrayList<>()).add(new int[] {link.aStart(), link.aEnd()});
            spans.computeIfAbsent(link.articleB(), k -> new ArrayList<>()).add(new int[] {link.bStart(), link.bEnd()});
        }
        List<Passage> unique = new ArrayList<>();
        for (AlignableArticle article : members) {
            List<int[]> own = spans.getOrDefault(article.id(), List.of());
            for (AnalysedSentence sentence : article.sentences()) {
                if (sentence.contentWords() < settings.minContentWords()) {
                    continue;
                }
                boolean linked = own.stream().anyMatch(span -> span[0] < sentence.end() && sentence.start() < span[1]);
                if (!linked) {
                    unique.add(new Passage(article.id(), sentence.start(), sentence.end()));
                }
            }
        }
        return unique;
    }

    /** Sentences of the article that no link touches (too short ones aside). */
    public List<Passage> unique(AlignableArticle article, Collection<PassageMatch> links) {
        List<Passage> unique = new ArrayList<>();
        for (AnalysedSentence sentence : article.sentences()) {
            if (sentence.contentWords() < settings.minContentWords()) {
                continue;
            }
            boolean linked = links.stream().anyMatch(link -> link.touches(article.id(), sentence.start(), sentence.end()));
            if (!linked) {
                unique.add(new Passage(article.id(), sentence.start(), sentence.end()));
            }
        }
        return unique;
    }

    public List<QuoteSpan> quotes(AlignableArticle article) {
        return article.quotes().stream().map(AlignableArticle.QuotedWords::quote).toList();
    }

    public List<QuoteCluster> groupQuotes(Map<Long, List<QuoteSpan>> quotesByArticle, List<PassageMatch> links) {
        return grouper.group(quotesByArticle, links);
    }
}
