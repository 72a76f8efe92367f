package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Cleans the content the {@link ContentFinder} chose: forms, embeds, asides, share bars, low-weight
 * headings, and blocks that look like link lists, image galleries or ads rather than article text.
 * Data tables are recognised first so their cells survive.
 */
final class ContentCleaner {

    private static final int SHARE_TEXT_LIMIT = ContentFinder.CHAR_THRESHOLD;
    /** Longer texts cannot be a lone "Advertisement" or "Loading…" label. */
    private static final int MAX_AD_TEXT = 20;
    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

    private final ContentFinder finder;
    private final Set<Element> dataTables;
    private final TextStats stats;

    ContentCleaner(ContentFinder finder) {
        this.finder = finder;
        this.dataTables = finder.dataTables();
        this.stats = finder.stats();
    }

    void clean(Element article) {
        markDataTables(article);
        cleanConditionally(article, "form");
        cleanConditionally(article, "fieldset");
        removeAll(article, "object", true);
        removeAll(article, "embed", true);
        removeAll(article, "footer", false);
        removeAll(article, "link", false);
        removeAll(article, "aside", false);
        for (Element child : article.children()) {
            removeMatching(child, node -> finder.isShareElement(node) && stats.length(node) < SHARE_TEXT_LIMIT);
        }
        removeAll(article, "iframe", true);
        removeAll(article, "input", false);
        removeAll(article, "textarea", false);
        removeAll(article, "select", false);
        removeAll(article, "button", false);
        removeReverse(Dom.descendantsByTag(article, "h1", "h2"), h -> finder.classWeight(h) < 0);
        cleanConditionally(article, "table");
        cleanConditionally(article, "ul");
        cleanConditionally(article, "div");
        for (Element h1 : Dom.descendantsByTag(article, "h1")) {
            h1.tagName("h2");
        }
        removeReverse(Dom.descendantsByTag(article, "p"), p -> Dom.countDescendants(p, "img") == 0
                && Dom.countDescendants(p, "embed") == 0 && Dom.countDescendants(p, "object") == 0
                && Dom.countDescendants(p, "iframe") == 0 && stats.length(p) == 0);
        unwrapSingleCellTables(article);
    }

    /**
     * Tests the nodes innermost and last first, so a container is judged after its contents were
     * cleaned. Removals are collected and applied in bulk (one at a time is quadratic in a parent with
     * thousands of children), but always before a node that contains one of them is judged: pending
     * nodes all follow the node being judged in document order, so it contains one of them only if it
     * contains the earliest, which is the last one added.
     */
    private void removeReverse(List<Element> nodes, Predicate<Element> shouldRemove) {
        List<Element> pending = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (node.parentNode() == null) {
                continue;
            }
            if (!pending.isEmpty() && isAncestor(node, pending.get(pending.size() - 1))) {
                flush(pending);
            }
            if (shouldRemove.test(node)) {
                pending.add(node);
            }
        }
        flush(pending);
    }

    private void flush(List<Element> pending) {
        for (Element node : pending) {
            stats.changed(node.parent());
        }
        Dom.removeAll(pending);
        pending.clear();
    }

    private static boolean isAncestor(Element candidate, Element node) {
        Element parent = node.parent();
        while (parent != null) {
            if (parent == candidate) {
                return true;
            }
            parent = parent.parent();
        }
        return false;
    }

    /** Removes every element with the tag; embeds from known video hosts stay when {@code keepVideos}. */
    private void removeAll(Element root, String tag, boolean keepVideos) {
        removeReverse(Dom.descendantsByTag(root, tag), e -> !(keepVideos && ContentFinder.isAllowedVideo(e)));
    }

    /** Removes descendants of {@code root} (not {@code root} itself) that match, skipping their subtrees. */
    private void removeMatching(Element root, Predicate<Element> matches) {
        Element node = Dom.nextWithin(root, root, false);
        while (node != null) {
            if (matches.test(node)) {
                Element next = Dom.nextWithin(root, node, true);
                stats.remove(node);
                node = next;
            } else {
                node = Dom.nextWithin(root, node, false);
            }
        }
    }

    private void unwrapSingleCellTables(Element article) {
        for (Element table : Dom.descendantsByTag(article, "table")) {
            if (table.parentNode() == null) {
                continue;
            }
            Element body = ContentFinder.hasSingleChildTag(table, "tbody") ? table.child(0) : table;
            if (!ContentFinder.hasSingleChildTag(body, "tr")) {
                continue;
            }
            Element row = body.child(0);
            if (!ContentFinder.hasSingleChildTag(row, "td")) {
                continue;
            }
            Element cell = row.child(0);
            boolean inline = true;
            for (Node child : cell.childNodes()) {
                if (!ContentFinder.isPhrasing(child)) {
                    inline = false;
                    break;
                }
            }
            cell.tagName(inline ? "p" : "div");
            Element parent = table.parent();
            table.replaceWith(cell);
            stats.changed(parent);
        }
    }

    /** Tells data tables (kept) from layout tables, the way browsers' accessibility code does. */
    private void markDataTables(Element root) {
        for (Element table : Dom.descendantsByTag(root, "table")) {
            if ("presentation".equals(table.attr("role")) || "0".equals(table.attr("datatable"))) {
                continue;
            }
            if (!table.attr("summary").isEmpty()) {
                dataTables.add(table);
                continue;
            }
            Element caption = Dom.descendantsByTag(table, "caption").stream().findFirst().orElse(null);
            if (caption != null && caption.childNodeSize() > 0) {
                dataTables.add(table);
                continue;
            }
            if (Dom.anyDescendant(table, e -> Dom.hasTag(e, "col", "colgroup", "tfoot", "thead", "th"))) {
                dataTables.add(table);
                continue;
            }
            if (Dom.anyDescendant(table, e -> e.normalName().equals("table"))) {
                continue;
            }
            int rows = 0;
            int columns = 0;
            for (Element tr : Dom.descendantsByTag(table, "tr")) {
                rows += Math.max(1, parseSpan(tr.attr("rowspan")));
                int inRow = 0;
                for (Element td : Dom.descendantsByTag(tr, "td")) {
                    inRow += Math.max(1, parseSpan(td.attr("colspan")));
                }
                columns = Math.max(columns, inRow);
            }
            if (columns == 1 || rows == 1) {
                continue;
            }
            if (rows >= 10 || columns > 4 || rows * columns > 10) {
                dataTables.add(table);
            }
        }
    }

    private static int parseSpan(String value) {
        try {
            return value.isEmpty() ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Removes elements with the tag that look like furniture: negative class weight, few commas and
     * more images, list items, inputs or links than paragraphs would explain.
     */
    private void cleanConditionally(Element root, String tag) {
        if (!finder.cleansConditionally()) {
            return;
        }
        removeReverse(Dom.descendantsByTag(root, tag), node -> shouldRemove(node, tag));
    }

    private boolean shouldRemove(Element node, String tag) {
        boolean isList = tag.equals("ul") || tag.equals("ol");
        int contentLength = stats.length(node);
        if (!isList) {
            int listLength = 0;
            for (Element list : Dom.descendantsByTag(node, "ul", "ol")) {
                listLength += stats.length(list);
            }
            isList = contentLength > 0 && listLength / (double) contentLength > 0.9;
        }
        if (tag.equals("table") && dataTables.contains(node)) {
            return false;
        }
        if (Dom.hasAncestor(node, "table", -1, dataTables::contains) || Dom.hasAncestor(node, "code", 3, null)) {
            return false;
        }
        if (Dom.anyDescendant(node, e -> e.normalName().equals("table") && dataTables.contains(e))) {
            return false;
        }
        int weight = finder.classWeight(node);
        if (weight < 0) {
            return true;
        }
        if (stats.commas(node) >= 10) {
            return false;
        }
        int p = Dom.countDescendants(node, "p");
        int img = Dom.countDescendants(node, "img");
        int li = Dom.countDescendants(node, "li") - 100;
        int input = Dom.countDescendants(node, "input");
        double headingDensity = textDensity(node, contentLength, HEADINGS);
        int embedCount = 0;
        for (Element embed : Dom.descendantsByTag(node, "object", "embed", "iframe")) {
            if (ContentFinder.isAllowedVideo(embed)) {
                return false;
            }
            embedCount++;
        }
        if (contentLength <= MAX_AD_TEXT && ContentFinder.isAdOrLoadingText(node.text())) {
            return true;
        }
        double linkDensity = stats.linkDensity(node);
        double textDensity = textDensity(node, contentLength, null);
        boolean inFigure = Dom.hasAncestor(node, "figure", 3, null);

        boolean remove = (!inFigure && img > 1 && p / (double) img < 0.5)
                || (!isList && li > p)
                || (input > p / 3)
                || (!isList && !inFigure && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2)
                        && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((embedCount == 1 && contentLength < 75) || embedCount > 1)
                || (img == 0 && textDensity == 0);

        if (isList && remove) {
            // A plain list of images (one image per item) is a gallery worth keeping.
            for (Element child : node.children()) {
                if (child.childrenSize() > 1) {
                    return true;
                }
            }
            return img != Dom.countDescendants(node, "li");
        }
        return remove;
    }

    /** Share of the node's text inside descendants with the given tags (text-ish blocks when null). */
    private double textDensity(Element node, int contentLength, String[] tags) {
        if (contentLength == 0) {
            return 0;
        }
        int childrenLength = 0;
        for (Element child : Dom.descendants(node, e -> tags == null ? ContentFinder.isTextish(e.normalName())
                : Dom.hasTag(e, tags))) {
            childrenLength += stats.length(child);
        }
        return childrenLength / (double) contentLength;
    }
}
