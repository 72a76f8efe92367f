package org.parallax.app.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The coverage matrix and quote list of a story, from its stored links. A row is a group of passages joined
 * by links (directly or through another outlet's version), or a passage only one article carries.
 */
final class OverviewBuilder {

    private static final int LABEL_CHARS = 140;

    private final StoryData story;
    private final Map<Long, Integer> order = new HashMap<>();
    private final Map<Long, StoryData.Member> members;

    OverviewBuilder(StoryData story) {
        this.story = story;
        this.members = story.membersById();
        for (int i = 0; i < story.articles().size(); i++) {
            order.put(story.articles().get(i).id(), i);
        }
    }

    StoryOverview build() {
        return new StoryOverview(story, Timelines.of(story.articles()), story.articles(), passageRows(), quoteRows(),
                quotes());
    }

    /** A span of one article taking part in the matrix. */
    private record Node(long article, int start, int end) {
    }

    private List<StoryOverview.MatrixRow> passageRows() {
        List<Node> nodes = new ArrayList<>();
        Map<Node, Integer> index = new HashMap<>();
        List<int[]> edges = new ArrayList<>();
        List<String> edgeKinds = new ArrayList<>();
        for (StoryData.Link link : story.links()) {
            int a = node(nodes, index, new Node(link.articleA(), link.aStart(), link.aEnd()));
            int b = node(nodes, index, new Node(link.articleB(), link.bStart(), link.bEnd()));
            edges.add(new int[] {a, b});
            edgeKinds.add(link.kind().dbValue());
        }
        Set<Integer> uniqueNodes = new HashSet<>();
        for (StoryData.Span span : story.unique()) {
            uniqueNodes.add(node(nodes, index, new Node(span.article(), span.start(), span.end())));
        }
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] e : edges) {
            union(parent, e[0], e[1]);
        }
        // Overlapping spans of one article are one passage.
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            sorted.add(i);
        }
        sorted.sort(Comparator.comparingLong((Integer i) -> nodes.get(i).article()).thenComparingInt(i -> nodes.get(i).start()));
        for (int k = 1; k < sorted.size(); k++) {
            Node previous = nodes.get(sorted.get(k - 1));
            Node current = nodes.get(sorted.get(k));
            if (previous.article() == current.article() && current.start() < previous.end()) {
                union(parent, sorted.get(k - 1), sorted.get(k));
            }
        }
        // Per group and article: the closest kind, and where the passage starts.
        Map<Integer, Map<Long, String>> kinds = new LinkedHashMap<>();
        Map<Integer, Map<Long, Integer>> starts = new HashMap<>();
        for (int i = 0; i < edges.size(); i++) {
            int group = find(parent, edges.get(i)[0]);
            for (int n : edges.get(i)) {
                Node node = nodes.get(n);
                kinds.computeIfAbsent(group, k -> new HashMap<>()).merge(node.article(), edgeKinds.get(i),
                        (x, y) -> PassageMarker.rank(x) >= PassageMarker.rank(y) ? x : y);
                starts.computeIfAbsent(group, k -> new HashMap<>()).merge(node.article(), node.start(), Math::min);
            }
        }
        for (int n : uniqueNodes) {
            int group = find(parent, n);
            Node node = nodes.get(n);
            kinds.computeIfAbsent(group, k -> new HashMap<>()).putIfAbsent(node.article(), "unique");
            starts.computeIfAbsent(group, k -> new HashMap<>()).merge(node.article(), node.start(), Math::min);
        }
        Map<Long, StoryData.Member> byId = members;
        List<long[]> keyed = new ArrayList<>();
        for (int group : kinds.keySet()) {
            long first = starts.get(group).keySet().stream().min(Comparator.comparingInt(order::get)).orElseThrow();
            keyed.add(new long[] {group, order.get(first), starts.get(group).get(first), first});
        }
        keyed.sort(Comparator.comparingLong((long[] k) -> k[1]).thenComparingLong(k -> k[2]));
        List<StoryOverview.MatrixRow> rows = new ArrayList<>();
        for (long[] k : keyed) {
            int group = (int) k[0];
            long firstArticle = k[3];
            int start = (int) k[2];
            int end = end(nodes, parent, group, firstArticle);
            String text = byId.get(firstArticle).body().substring(start, end);
            List<StoryOverview.MatrixCell> cells = new ArrayList<>();
            for (StoryData.Member article : story.articles()) {
                String kind = kinds.get(group).get(article.id());
                cells.add(kind == null ? new StoryOverview.MatrixCell("absent", null)
                        : new StoryOverview.MatrixCell(kind, readerHref(article.id(), starts.get(group).get(article.id()))));
            }
            rows.add(new StoryOverview.MatrixRow(excerpt(text), readerHref(firstArticle, start), cells));
        }
        return rows;
    }

    private static int end(List<Node> nodes, int[] parent, int group, long article) {
        int end = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).article() == article && find(parent, i) == group) {
                end = Math.max(end, nodes.get(i).end());
            }
        }
        return end;
    }

    private List<StoryOverview.MatrixRow> quoteRows() {
        List<StoryOverview.MatrixRow> rows = new ArrayList<>();
        for (StoryData.QuoteGroup group : story.quotes()) {
            StoryData.QuoteMember reference = group.members().get(0);
            List<StoryOverview.MatrixCell> cells = new ArrayList<>();
            for (StoryData.Member article : story.articles()) {
                StoryData.QuoteMember carried = group.members().stream().filter(m -> m.article() == article.id())
                        .findFirst().orElse(null);
                cells.add(carried == null ? new StoryOverview.MatrixCell("absent", null)
                        : new StoryOverview.MatrixCell(quoteKind(reference.text(), carried.text()),
                        readerHref(article.id(), carried.start())));
            }
            String label = "“" + excerpt(reference.text()) + "”" + (group.speaker() == null ? "" : " (" + group.speaker() + ")");
            rows.add(new StoryOverview.MatrixRow(label, readerHref(reference.article(), reference.start()), cells));
        }
        return rows;
    }

    /** How a quote's wording compares with the group's first: same words, a few changed, or reworded. */
    static String quoteKind(String reference, String other) {
        List<String> a = words(reference);
        List<String> b = words(other);
        if (a.equals(b)) {
            return "verbatim";
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(new HashSet<>(b));
        return union.isEmpty() || (double) shared.size() / union.size() >= 0.8 ? "near" : "paraphrase";
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private List<StoryOverview.QuoteView> quotes() {
        Map<Long, StoryData.Member> byId = members;
        List<StoryOverview.QuoteView> quotes = new ArrayList<>();
        for (StoryData.QuoteGroup group : story.quotes()) {
            List<StoryOverview.Carrier> carriers = group.members().stream()
                    .sorted(Comparator.comparingInt((StoryData.QuoteMember m) -> order.get(m.article())))
                    .map(m -> new StoryOverview.Carrier(m.article(), byId.get(m.article()).outletLabel(), m.start(),
                            m.speaker()))
                    .toList();
            quotes.add(new StoryOverview.QuoteView(group.speaker(), group.members().get(0).text(), carriers));
        }
        return quotes;
    }

    /** The reader page at the paragraph holding this offset (paragraph anchors always exist). */
    private String readerHref(long article, int offset) {
        int paragraph = 0;
        for (StoryData.Block block : members.get(article).blocks()) {
            if (block.start() <= offset) {
                paragraph = block.start();
            }
        }
        return "/articles/" + article + "#p" + paragraph;
    }

    static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= LABEL_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', LABEL_CHARS);
        return flat.substring(0, cut > 0 ? cut : LABEL_CHARS) + "…";
    }

    private static int node(List<Node> nodes, Map<Node, Integer> index, Node node) {
        return index.computeIfAbsent(node, n -> {
            nodes.add(n);
            return nodes.size() - 1;
        });
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
