package org.parallax.app.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.alignment.DiffOp;

/**
 * Lays out 2-4 articles of a story side by side from the stored alignment. The first column's paragraphs
 * lead; each further column's paragraphs go on the rows of the earlier paragraphs they are linked with, as
 * long as reading order allows (the heaviest order-preserving chain of links wins). Paragraphs that cannot
 * be placed in order fill free rows between their neighbours and keep a jump link to their counterparts.
 */
final class CompareBuilder {

    private final StoryData story;
    private final List<StoryData.Member> columns;
    private final boolean separate;
    private final Map<Long, Integer> columnOf = new HashMap<>();
    private final Map<Long, List<PassageMarker.Merged>> merged = new HashMap<>();
    private final Map<String, List<int[]>> differing = new HashMap<>();

    CompareBuilder(StoryData story, List<StoryData.Member> columns, boolean separate) {
        this.story = story;
        this.columns = columns;
        this.separate = separate;
        for (int i = 0; i < columns.size(); i++) {
            columnOf.put(columns.get(i).id(), i);
        }
    }

    CompareView build() {
        Map<Long, StoryData.Member> byId = story.membersById();
        collectPassages(byId);
        // Paragraph of every merged passage, and the rows that follow from the links between them.
        List<List<Integer>>[] rows = layout();
        Map<String, Integer> rowOfAnchor = new HashMap<>();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.size(); c++) {
                for (int p : rows[r].get(c)) {
                    StoryData.Member article = columns.get(c);
                    StoryData.Block block = article.blocks().get(p);
                    for (PassageMarker.Merged m : merged.get(article.id())) {
                        if (m.start() >= block.start() && m.start() < block.end()) {
                            rowOfAnchor.put(PassageMarker.anchor(article.id(), m.start()), r);
                        }
                    }
                }
            }
        }
        List<CompareView.Column> viewColumns = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            StoryData.Member article = columns.get(c);
            List<Marked.Passage> passages = passages(article, byId, rowOfAnchor);
            List<Marked.Paragraph> paragraphs = PassageMarker.paragraphs(article, passages,
                    p -> differing.getOrDefault(p.anchor(), List.of()));
            viewColumns.add(column(c, article, paragraphs));
        }
        List<CompareView.Row> viewRows = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            List<CompareView.Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                CompareView.Column column = viewColumns.get(c);
                cells.add(new CompareView.Cell(column, rows[r].get(c).stream().map(column.paragraphs()::get).toList()));
            }
            viewRows.add(new CompareView.Row(r + 1, cells));
        }
        List<Long> ids = columns.stream().map(StoryData.Member::id).toList();
        List<CompareView.Option> addable = story.articles().stream().filter(a -> !columnOf.containsKey(a.id()))
                .map(CompareBuilder::option).toList();
        return new CompareView(story.id(), story.title(), viewColumns, viewRows, separate,
                href(ids, separate), href(ids, false), href(ids, true), addable);
    }

    private void collectPassages(Map<Long, StoryData.Member> byId) {
        Map<Long, List<PassageMarker.Mark>> marks = new HashMap<>();
        columns.forEach(a -> marks.put(a.id(), new ArrayList<>()));
        for (StoryData.Link link : story.links()) {
            if (!columnOf.containsKey(link.articleA()) || !columnOf.containsKey(link.articleB())) {
                continue;
            }
            for (long side : new long[] {link.articleA(), link.articleB()}) {
                long other = link.other(side);
                List<int[]> words = new ArrayList<>();
                for (DiffOp op : link.diff()) {
                    int s = side == link.articleA() ? op.aStart() : op.bStart();
                    int e = side == link.articleA() ? op.aEnd() : op.bEnd();
                    if (s < e) {
                        words.add(new int[] {s, e});
                    }
                }
                marks.get(side).add(new PassageMarker.Mark(link.start(side), link.end(side), link.kind().dbValue(),
                        other + ":" + link.start(other), words,
                        byId.get(other).outletLabel() + " (" + link.kind().dbValue() + ")"));
            }
        }
        for (StoryData.Span unique : story.unique()) {
            if (marks.containsKey(unique.article())) {
                marks.get(unique.article()).add(new PassageMarker.Mark(unique.start(), unique.end(), "unique", null,
                        List.of(), null));
            }
        }
        for (StoryData.Member article : columns) {
            List<PassageMarker.Merged> list = PassageMarker.merge(marks.get(article.id()));
            merged.put(article.id(), list);
            for (PassageMarker.Merged m : list) {
                differing.put(PassageMarker.anchor(article.id(), m.start()), m.differing());
            }
        }
    }

    /** The anchor of the merged passage a raw counterpart key ("article:start") falls in. */
    private String resolve(String key) {
        int colon = key.indexOf(':');
        long article = Long.parseLong(key.substring(0, colon));
        int start = Integer.parseInt(key.substring(colon + 1));
        PassageMarker.Merged m = PassageMarker.containing(merged.get(article), start);
        return PassageMarker.anchor(article, m == null ? start : m.start());
    }

    private int paragraphOf(StoryData.Member article, int offset) {
        List<StoryData.Block> blocks = article.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (offset < blocks.get(i).end()) {
                return i;
            }
        }
        return blocks.size() - 1;
    }

    /** rows[r].get(c) = the paragraph indexes column c shows on row r. */
    @SuppressWarnings("unchecked")
    private List<List<Integer>>[] layout() {
        List<List<List<Integer>>> rows = new ArrayList<>();
        StoryData.Member lead = columns.get(0);
        for (int i = 0; i < lead.blocks().size(); i++) {
            rows.add(emptyRow());
            rows.get(i).get(0).add(i);
        }
        if (separate) {
            // Independent columns: no rows to share; every column keeps its own order.
            for (int c = 1; c < columns.size(); c++) {
                for (int i = 0; i < columns.get(c).blocks().size(); i++) {
                    if (rows.size() <= i) {
                        rows.add(emptyRow());
                    }
                    rows.get(i).get(c).add(i);
                }
            }
            return rows.toArray(List[]::new);
        }
        for (int c = 1; c < columns.size(); c++) {
            place(c, rows);
        }
        return rows.toArray(List[]::new);
    }

    private List<List<Integer>> emptyRow() {
        List<List<Integer>> row = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            row.add(new ArrayList<>());
        }
        return row;
    }

    private void place(int c, List<List<List<Integer>>> rows) {
        StoryData.Member article = columns.get(c);
        // Row of every paragraph already placed in earlier columns.
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int e = 0; e < c; e++) {
                for (int p : rows.get(r).get(e)) {
                    rowOf.put(e + ":" + p, r);
                }
            }
        }
        // Weighted (paragraph, row) pairs from the links of this column's passages to earlier columns.
        Map<String, int[]> pairs = new LinkedHashMap<>();
        for (PassageMarker.Merged m : merged.get(article.id())) {
            int j = paragraphOf(article, m.start());
            for (String key : m.counterparts()) {
                String anchor = resolve(key);
                long other = Long.parseLong(anchor.substring(1, anchor.indexOf('-')));
                int oc = columnOf.get(other);
                if (oc >= c) {
                    continue;
                }
                int op = paragraphOf(columns.get(oc), Integer.parseInt(anchor.substring(anchor.indexOf('-') + 1)));
                Integer r = rowOf.get(oc + ":" + op);
                if (r != null) {
                    pairs.computeIfAbsent(j + ":" + r, k -> new int[] {j, r, 0})[2]++;
                }
            }
        }
        Map<Integer, Integer> anchors = chain(new ArrayList<>(pairs.values()));
        int shift = 0;
        int previous = -1;
        List<Integer> pending = new ArrayList<>();
        for (int j = 0; j < article.blocks().size(); j++) {
            Integer anchored = anchors.get(j);
            if (anchored == null) {
                pending.add(j);
                continue;
            }
            int r = anchored + shift;
            if (r == previous) {
                rows.get(r).get(c).addAll(pending);
            } else {
                int free = r - previous - 1;
                int into = previous + 1;
                for (int k = 0; k < pending.size(); k++) {
                    if (k < free) {
                        rows.get(into + k).get(c).add(pending.get(k));
                    } else {
                        List<List<Integer>> row = emptyRow();
                        row.get(c).add(pending.get(k));
                        rows.add(r, row);
                        r++;
                        shift++;
                    }
                }
            }
            pending.clear();
            rows.get(r).get(c).add(j);
            previous = r;
        }
        for (int k = 0; k < pending.size(); k++) {
            int into = previous + 1 + k;
            if (into >= rows.size()) {
                rows.add(emptyRow());
            }
            rows.get(into).get(c).add(pending.get(k));
        }
    }

    /**
     * The heaviest chain of (paragraph, row) pairs that keeps both orders: paragraphs strictly increasing, rows
     * never decreasing (two paragraphs may share a row). Ties go to the chain that starts higher up.
     */
    static Map<Integer, Integer> chain(List<int[]> pairs) {
        pairs.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        int n = pairs.size();
        int[] best = new int[n];
        int[] first = new int[n];
        int[] previous = new int[n];
        for (int k = 0; k < n; k++) {
            best[k] = pairs.get(k)[2];
            first[k] = pairs.get(k)[1];
            previous[k] = -1;
            for (int q = 0; q < k; q++) {
                if (pairs.get(q)[0] < pairs.get(k)[0] && pairs.get(q)[1] <= pairs.get(k)[1]) {
                    int weight = best[q] + pairs.get(k)[2];
                    if (weight > best[k] || (weight == best[k] && first[q] < first[k])) {
                        best[k] = weight;
                        first[k] = first[q];
                        previous[k] = q;
                    }
                }
            }
        }
        int end = -1;
        for (int k = 0; k < n; k++) {
            if (end < 0 || best[k] > best[end] || (best[k] == best[end] && first[k] < first[end])) {
                end = k;
            }
        }
        Map<Integer, Integer> chosen = new HashMap<>();
        for (int k = end; k >= 0; k = previous[k]) {
            chosen.put(pairs.get(k)[0], pairs.get(k)[1]);
        }
        return chosen;
    }

    private List<Marked.Passage> passages(StoryData.Member article, Map<Long, StoryData.Member> byId,
                                          Map<String, Integer> rowOfAnchor) {
        List<Marked.Passage> passages = new ArrayList<>();
        for (PassageMarker.Merged m : merged.get(article.id())) {
            String anchor = PassageMarker.anchor(article.id(), m.start());
            List<String> counterparts = m.counterparts().stream().map(this::resolve).distinct().toList();
            List<Marked.Jump> jumps = new ArrayList<>();
            Integer row = rowOfAnchor.get(anchor);
            for (String target : counterparts) {
                Integer targetRow = rowOfAnchor.get(target);
                if (separate || row == null || targetRow == null || !targetRow.equals(row)) {
                    long other = Long.parseLong(target.substring(1, target.indexOf('-')));
                    String outlet = byId.get(other).outletLabel();
                    boolean above = row != null && targetRow != null && targetRow < row;
                    String arrow = separate ? "→" : above ? "↑" : "↓";
                    String where = separate ? "" : above ? ", further up" : ", further down";
                    jumps.add(new Marked.Jump("#" + target, arrow + " " + shortName(outlet),
                            "Counterpart in " + outlet + where));
                }
            }
            String description = "unique".equals(m.kind())
                    ? "Only this article carries this passage"
                    : "Also in " + String.join(", ", m.about().stream().filter(s -> s != null).toList());
            passages.add(new Marked.Passage(article.id(), anchor, m.start(), m.end(), m.kind(), description,
                    counterparts, List.copyOf(jumps)));
        }
        return passages;
    }

    /** Jump links stay short: the outlet's first word or two. */
    static String shortName(String outlet) {
        String[] words = outlet.split(" ");
        if (words.length <= 2) {
            return outlet;
        }
        return words[0].equalsIgnoreCase("the") ? words[0] + " " + words[1] + "…" : words[0] + "…";
    }

    private CompareView.Column column(int c, StoryData.Member article, List<Marked.Paragraph> paragraphs) {
        List<Long> ids = columns.stream().map(StoryData.Member::id).toList();
        String left = c > 0 ? href(swap(ids, c, c - 1), separate) : null;
        String right = c < ids.size() - 1 ? href(swap(ids, c, c + 1), separate) : null;
        String remove = null;
        if (ids.size() > 2) {
            List<Long> rest = new ArrayList<>(ids);
            rest.remove(c);
            remove = href(rest, separate);
        }
        List<CompareView.Option> replacements = new ArrayList<>();
        replacements.add(option(article));
        story.articles().stream().filter(a -> !columnOf.containsKey(a.id())).map(CompareBuilder::option)
                .forEach(replacements::add);
        return new CompareView.Column(c, article, left, right, remove, ids.subList(0, c), ids.subList(c + 1, ids.size()),
                List.copyOf(replacements), paragraphs);
    }

    private static CompareView.Option option(StoryData.Member a) {
        return new CompareView.Option(a.id(), a.outletLabel() + ": " + a.headline());
    }

    private static List<Long> swap(List<Long> ids, int i, int j) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.swap(copy, i, j);
        return copy;
    }

    private String href(List<Long> ids, boolean separateColumns) {
        StringBuilder href = new StringBuilder("/stories/").append(story.id()).append("/compare?articles=");
        for (int i = 0; i < ids.size(); i++) {
            href.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        if (separateColumns) {
            href.append("&sync=off");
        }
        return href.toString();
    }
}
