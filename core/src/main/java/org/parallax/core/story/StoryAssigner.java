package org.parallax.core.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.core.text.SparseVectors;

/**
 * Puts one new article into a story, incrementally. A story is a connected group of articles in which every
 * article is linked to its most similar article, when that one is similar enough. A new article looks up its
 * candidates in the index (articles sharing its most telling features, never a scan of the corpus), links to
 * the closest, and takes over the links of older articles it is closer to than their current partner. So it
 * can join a story, found one, or bridge two (which merges them); a story held together only by a link the
 * new article took over is split. Only the stories touched are recomputed.
 *
 * <p>Similarity is the cosine of tf-idf vectors of words and names, plus a bonus for shared quotations, and
 * publication time is a soft signal: it fades with the gap between two dated articles, and an undated
 * article is judged on its text alone. A close story that is not joined is reported as related.
 */
public final class StoryAssigner {

    /** Quotation shingles (five words) shared with another article before the bonus applies. */
    private static final int QUOTE_SHINGLES_FREE = 1;
    /** Shared quotation shingles beyond the free ones for the full bonus (about a 10-word quotation). */
    private static final double QUOTE_SHINGLES_FULL = 4.0;

    private final StoryIndex index;
    private final StorySettings settings;

    public StoryAssigner(StoryIndex index, StorySettings settings) {
        this.index = index;
        this.settings = settings;
    }

    public Assignment assign(long articleId, Instant publishedAt, ArticleFeatures features) {
        Map<String, Integer> frequencies = index.documentFrequencies(features.counts().keySet());
        int documents = index.articleCount() + 1;
        Map<String, Double> vector = vector(features, frequencies, documents);
        Set<String> quoteShingles = new LinkedHashSet<>();
        for (String feature : features.counts().keySet()) {
            if (feature.startsWith(FeatureExtractor.QUOTE)) {
                quoteShingles.add(feature);
            }
        }
        List<StoryIndex.Neighbour> neighbours = index.neighbours(lookup(vector, frequencies, documents), quoteShingles, settings.neighbours());
        Map<Long, Map<String, Double>> vectors =
                index.vectors(neighbours.stream().map(StoryIndex.Neighbour::articleId).toList());
        Map<Long, Double> similarity = new HashMap<>();
        Map<Long, Double> textSimilarity = new HashMap<>();
        StoryIndex.Neighbour best = null;
        for (StoryIndex.Neighbour neighbour : neighbours) {
            double text = SparseVectors.dot(vector, vectors.get(neighbour.articleId()))
                    + settings.quoteBonus() * quoteShare(neighbour.sharedQuoteShingles());
            textSimilarity.put(neighbour.articleId(), text);
            double value = text * timeFactor(publishedAt, neighbour.publishedAt());
            similarity.put(neighbour.articleId(), value);
            if (best == null || value > similarity.get(best.articleId())) {
                best = neighbour;
            }
        }
        Long linkedTo = best != null && similarity.get(best.articleId()) >= settings.join()
                && similarity.get(best.articleId()) >= settings.relativeJoin() * best.linkSimilarity()
                ? best.articleId() : null;
        double linkSimilarity = linkedTo == null ? 0 : similarity.get(linkedTo);

        // Older articles closer to the newcomer than to their current partner now link to it.
        Set<Long> touched = new LinkedHashSet<>();
        List<StoryIndex.Neighbour> switched = new ArrayList<>();
        for (StoryIndex.Neighbour neighbour : neighbours) {
            double value = similarity.get(neighbour.articleId());
            if (value >= settings.join() && value > neighbour.linkSimilarity()
                    && value >= settings.relativeJoin() * linkSimilarity) {
                switched.add(neighbour);
                touched.add(neighbour.storyId());
            }
        }
        if (best != null && linkedTo != null) {
            touched.add(best.storyId());
        }
        long provisional = index.newStory();
        StoryIndex.IndexedArticle newcomer = new StoryIndex.IndexedArticle(articleId, provisional, publishedAt, vector,
                quoteShingles, linkedTo, linkSimilarity, null);
        index.add(newcomer, features.counts().keySet(), settings.vectorSize());
        for (StoryIndex.Neighbour neighbour : switched) {
            index.relink(neighbour.articleId(), articleId, similarity.get(neighbour.articleId()));
        }
        Regrouping regrouping = regroup(newcomer, touched);

        Map<Long, Double> related = new HashMap<>();
        Map<Long, Double> sameStory = new HashMap<>();
        for (StoryIndex.Neighbour neighbour : neighbours) {
            long story = regrouping.storyOf.getOrDefault(neighbour.articleId(), neighbour.storyId());
            double text = textSimilarity.get(neighbour.articleId());
            if (story == regrouping.storyId) {
                sameStory.put(neighbour.articleId(), similarity.get(neighbour.articleId()));
            } else if (text >= settings.related()) {
                related.merge(story, text, Math::max);
            }
        }
        return new Assignment(regrouping.kind, regrouping.storyId, regrouping.merged, regrouping.changed,
                regrouping.split, related, sameStory);
    }

    /**
     * An editor merges story {@code from} into {@code into}: its articles move, and every article of the
     * merged story is pinned, so that later arrivals never take it apart again.
     *
     * @return the articles that moved
     */
    public List<Long> mergeStories(long into, long from, long pin) {
        List<Long> moving = index.members(from).stream().map(StoryIndex.IndexedArticle::articleId).toList();
        index.move(moving, into);
        index.pin(index.members(into).stream().map(StoryIndex.IndexedArticle::articleId).toList(), pin);
        return moving;
    }

    /**
     * An editor moves some articles of a story into a new story: they are pinned together, and the rest with
     * another pin, so that later arrivals neither merge the two parts again nor split either of them.
     */
    public void splitStory(long story, Collection<Long> articles, long newStory, long splitPin, long restPin) {
        Set<Long> leaving = new HashSet<>(articles);
        List<Long> staying = index.members(story).stream().map(StoryIndex.IndexedArticle::articleId)
                .filter(id -> !leaving.contains(id)).toList();
        index.move(leaving, newStory);
        index.pin(leaving, splitPin);
        index.pin(staying, restPin);
    }

    /**
     * A part of a story that lost its connection to the rest when an article was removed; it goes on as a
     * story of its own.
     *
     * @param closeness the highest text similarity of one of its articles to one of the rest of the story
     */
    public record Detached(long storyId, List<Long> articles, double closeness) {
    }

    /**
     * Regroups a story after one of its articles was removed (and with it its links). Each member that was
     * linked to it links to its most similar remaining member when that one is close enough, by the rule an
     * arriving article follows. A part that is then no longer connected to the rest (the removed article was
     * all that held it, as a site's index page can hold two events together) goes on as a story of its own;
     * the largest part keeps the story. Editors' pins hold as in {@link #assign}. Members are only compared
     * with their own story's: a removal can split a story, never merge two.
     *
     * @param orphans the members whose link pointed to the removed article
     * @return the parts moved out, largest first
     */
    public List<Detached> afterRemoval(long storyId, Collection<Long> orphans) {
        Map<Long, StoryIndex.IndexedArticle> members = new LinkedHashMap<>();
        index.members(storyId).forEach(member -> members.put(member.articleId(), member));
        if (members.size() < 2) {
            return List.of();
        }
        Map<Long, Map<String, Double>> vectors = index.vectors(members.keySet());
        Map<Long, Collection<String>> shingles = index.quoteShingles(members.keySet());
        for (long orphan : orphans) {
            StoryIndex.IndexedArticle article = members.get(orphan);
            if (article == null) {
                continue;
            }
            StoryIndex.IndexedArticle best = null;
            double bestSimilarity = 0;
            for (StoryIndex.IndexedArticle other : members.values()) {
                if (other.articleId() == orphan) {
                    continue;
                }
                double similarity = textSimilarity(vectors, shingles, orphan, other.articleId())
                        * timeFactor(article.publishedAt(), other.publishedAt());
                if (best == null || similarity > bestSimilarity) {
                    best = other;
                    bestSimilarity = similarity;
                }
            }
            if (best != null && bestSimilarity >= settings.join()
                    && bestSimilarity >= settings.relativeJoin() * best.linkSimilarity()) {
                index.relink(orphan, best.articleId(), bestSimilarity);
                members.put(orphan, article.withLink(best.articleId(), bestSimilarity));
            }
        }
        List<List<Long>> parts = new ArrayList<>(components(members).values());
        parts.sort(Comparator.<List<Long>>comparingInt(List::size).reversed()
                .thenComparingLong(part -> part.stream().mapToLong(Long::longValue).min().orElseThrow()));
        List<Long> kept = parts.get(0);
        List<Detached> detached = new ArrayList<>();
        for (List<Long> part : parts.subList(1, parts.size())) {
            long fresh = index.newStory();
            index.move(part, fresh);
            double closeness = 0;
            for (long a : part) {
                for (long b : kept) {
                    closeness = Math.max(closeness, textSimilarity(vectors, shingles, a, b));
                }
            }
            detached.add(new Detached(fresh, List.copyOf(part), closeness));
        }
        return detached;
    }

    private double textSimilarity(Map<Long, Map<String, Double>> vectors, Map<Long, Collection<String>> shingles,
            long a, long b) {
        Set<String> quotesA = new HashSet<>(shingles.getOrDefault(a, List.of()));
        int shared = (int) shingles.getOrDefault(b, List.of()).stream().filter(quotesA::contains).count();
        return SparseVectors.dot(vectors.getOrDefault(a, Map.of()), vectors.getOrDefault(b, Map.of()))
                + settings.quoteBonus() * quoteShare(shared);
    }

    /** The connected groups of these articles by their links and pins, each a list of article ids. */
    private static Map<Long, List<Long>> components(Map<Long, StoryIndex.IndexedArticle> nodes) {
        UnionFind groups = new UnionFind();
        Map<Long, Long> firstOfPin = new HashMap<>();
        for (StoryIndex.IndexedArticle node : nodes.values()) {
            groups.add(node.articleId(), node.pin());
            if (node.pin() != null) {
                Long first = firstOfPin.putIfAbsent(node.pin(), node.articleId());
                if (first != null) {
                    groups.union(node.articleId(), first);
                }
            }
        }
        // Strongest links first, so that where an editor's pins keep two groups apart, the weaker link gives way.
        nodes.values().stream()
                .filter(node -> node.linkedTo() != null && nodes.containsKey(node.linkedTo()))
                .sorted(Comparator.comparingDouble(StoryIndex.IndexedArticle::linkSimilarity).reversed()
                        .thenComparingLong(StoryIndex.IndexedArticle::articleId))
                .forEach(node -> groups.union(node.articleId(), node.linkedTo()));
        Map<Long, List<Long>> components = new LinkedHashMap<>();
        for (StoryIndex.IndexedArticle node : nodes.values()) {
            components.computeIfAbsent(groups.find(node.articleId()), k -> new ArrayList<>()).add(node.articleId());
        }
        return components;
    }

    private record Regrouping(Assignment.Kind kind, long storyId, List<Long> merged, Map<Long, List<Long>> changed,
            List<Long> split, Map<Long, Long> storyOf) {
    }

    /**
     * Recomputes the connected groups among the touched stories and the new article; gives them ids. The new
     * article is put into its story here, once ({@link StoryIndex#add} leaves it outside any): in PostgreSQL,
     * every write of an article's story is an update of the article row, which also updates its search index.
     */
    private Regrouping regroup(StoryIndex.IndexedArticle newcomer, Set<Long> touched) {
        long articleId = newcomer.articleId();
        long provisional = newcomer.storyId();
        Map<Long, StoryIndex.IndexedArticle> nodes = new LinkedHashMap<>();
        nodes.put(articleId, newcomer);
        for (long story : touched) {
            for (StoryIndex.IndexedArticle member : index.members(story)) {
                nodes.put(member.articleId(), member);
            }
        }
        List<StoryIndex.IndexedArticle> own = null;
        List<List<StoryIndex.IndexedArticle>> others = new ArrayList<>();
        for (List<Long> component : components(nodes).values()) {
            List<StoryIndex.IndexedArticle> articles = component.stream().map(nodes::get).toList();
            if (component.contains(articleId)) {
                own = articles;
            } else {
                others.add(articles);
            }
        }
        // The newcomer's group keeps the id of the story that contributes most of it.
        Map<Long, Integer> contributions = new TreeMap<>();
        for (StoryIndex.IndexedArticle node : own) {
            if (node.storyId() != provisional) {
                contributions.merge(node.storyId(), 1, Integer::sum);
            }
        }
        long storyId = contributions.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(provisional);
        Map<Long, Long> storyOf = new HashMap<>();
        Map<Long, List<Long>> changed = new LinkedHashMap<>();
        List<Long> gained = new ArrayList<>();
        for (StoryIndex.IndexedArticle node : own) {
            storyOf.put(node.articleId(), storyId);
            if (node.storyId() != storyId || node.articleId() == articleId) {
                gained.add(node.articleId());
            }
        }
        index.move(gained, storyId);
        changed.put(storyId, gained);
        Set<Long> idsInUse = new HashSet<>(Set.of(storyId));
        Set<Long> split = new LinkedHashSet<>();
        for (List<StoryIndex.IndexedArticle> rest : others) {
            long original = rest.get(0).storyId();
            if (idsInUse.add(original)) {
                rest.forEach(node -> storyOf.put(node.articleId(), original));
                continue;
            }
            // Part of a story that the newcomer's group took over: it goes on as a story of its own.
            long fresh = index.newStory();
            List<Long> moved = rest.stream().map(StoryIndex.IndexedArticle::articleId).toList();
            index.move(moved, fresh);
            moved.forEach(id -> storyOf.put(id, fresh));
            changed.put(fresh, moved);
            split.add(original);
        }
        List<Long> merged = new ArrayList<>();
        for (long story : contributions.keySet()) {
            if (story == storyId) {
                continue;
            }
            boolean emptied = nodes.values().stream()
                    .filter(node -> node.storyId() == story)
                    .allMatch(node -> storyOf.get(node.articleId()) == storyId);
            if (emptied) {
                merged.add(story);
            } else {
                split.add(story);
            }
        }
        Assignment.Kind kind = contributions.isEmpty() ? Assignment.Kind.FOUNDED
                : contributions.size() == 1 ? Assignment.Kind.JOINED : Assignment.Kind.MERGED;
        return new Regrouping(kind, storyId, merged, changed, List.copyOf(split), storyOf);
    }

    private static double quoteShare(int shared) {
        return Math.min(1.0, Math.max(0, shared - QUOTE_SHINGLES_FREE) / QUOTE_SHINGLES_FULL);
    }

    /** 1 within {@link StorySettings#sameTime()} or when a date is missing, then fading exponentially. */
    double timeFactor(Instant a, Instant b) {
        if (a == null || b == null) {
            return 1.0;
        }
        Duration gap = Duration.between(a, b).abs().minus(settings.sameTime());
        if (gap.isNegative()) {
            return 1.0;
        }
        return Math.exp(-(double) gap.toMinutes() / settings.timeScale().toMinutes());
    }

    /** Unit tf-idf vector of word and name features, strongest first; sublinear term frequency. */
    Map<String, Double> vector(ArticleFeatures features) {
        return vector(features, index.documentFrequencies(features.counts().keySet()), index.articleCount() + 1);
    }

    private Map<String, Double> vector(ArticleFeatures features, Map<String, Integer> frequencies, int documents) {
        List<Map.Entry<String, Double>> weights = new ArrayList<>(features.counts().size());
        for (Map.Entry<String, Integer> entry : features.counts().entrySet()) {
            String feature = entry.getKey();
            if (!feature.startsWith(FeatureExtractor.WORD) && !feature.startsWith(FeatureExtractor.ENTITY)) {
                continue;
            }
            int df = frequencies.getOrDefault(feature, 0) + 1;
            double idf = Math.log(1.0 + (double) documents / df);
            double boost = feature.startsWith(FeatureExtractor.ENTITY) ? settings.nameBoost() : 1.0;
            weights.add(Map.entry(feature, (1 + Math.log(entry.getValue())) * idf * boost));
        }
        weights.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        double norm = Math.sqrt(weights.stream().mapToDouble(e -> e.getValue() * e.getValue()).sum());
        Map<String, Double> vector = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : weights) {
            vector.put(entry.getKey(), norm == 0 ? 0 : entry.getValue() / norm);
        }
        return vector;
    }

    /**
     * The strongest features of the vector, leaving out those too common to tell candidates apart: in a
     * large corpus their posting lists ("march", "mln", "said") are the bulk of the lookup's cost and add
     * little to the ranking, and the exact cosine that follows still counts them.
     */
    private Map<String, Double> lookup(Map<String, Double> vector, Map<String, Integer> frequencies, int documents) {
        double common = Math.max(settings.commonFloor(), settings.commonShare() * documents);
        Map<String, Double> query = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : vector.entrySet()) {
            if (query.size() == settings.lookupFeatures()) {
                break;
            }
            if (frequencies.getOrDefault(entry.getKey(), 0) <= common) {
                query.put(entry.getKey(), entry.getValue());
            }
        }
        return query;
    }

    /** Connected groups; a group holds at most one editor pin, and a union that would join two is refused. */
    private static final class UnionFind {
        private final Map<Long, Long> parent = new HashMap<>();
        private final Map<Long, Long> pinOfRoot = new HashMap<>();

        void add(long id, Long pin) {
            parent.putIfAbsent(id, id);
            if (pin != null) {
                pinOfRoot.put(id, pin);
            }
        }

        long find(long id) {
            long root = id;
            while (parent.get(root) != root) {
                root = parent.get(root);
            }
            parent.put(id, root);
            return root;
        }

        void union(long a, long b) {
            long rootA = find(a);
            long rootB = find(b);
            if (rootA == rootB) {
                return;
            }
            Long pinA = pinOfRoot.get(rootA);
            Long pinB = pinOfRoot.get(rootB);
            if (pinA != null && pinB != null && !pinA.equals(pinB)) {
                return;
            }
            parent.put(rootA, rootB);
            if (pinB == null && pinA != null) {
                pinOfRoot.put(rootB, pinA);
            }
        }
    }
}
