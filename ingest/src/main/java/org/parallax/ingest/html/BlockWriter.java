package org.parallax.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;

/**
 * Turns extracted content into blocks of text: one per paragraph, heading, list item, table row or
 * caption, in reading order. Headings become {@link ParagraphKind#HEADING}, text inside a
 * {@code <blockquote>} {@link ParagraphKind#QUOTE}, figure captions {@link ParagraphKind#CAPTION}.
 * The walk is iterative, so nesting depth does not matter.
 */
final class BlockWriter {

    /** Elements whose start and end break the running text into separate blocks. */
    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "tfoot", "thead", "tr", "ul");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> SKIPPED = Set.of(
            "script", "style", "noscript", "template", "svg", "annotation", "annotation-xml", "button", "select", "textarea", "input", "iframe",
            "object", "embed", "canvas", "audio", "video", "source", "track", "img", "picture");

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    /** The kinds of the enclosing blocks, so leaving a block restores its parent's kind. */
    private final Deque<ParagraphKind> enclosing = new ArrayDeque<>();
    private ParagraphKind kind = ParagraphKind.PARAGRAPH;
    private boolean hasText;

    private BlockWriter() {
    }

    static List<Block> write(Element root) {
        BlockWriter writer = new BlockWriter();
        writer.walk(root);
        writer.flush();
        return writer.blocks;
    }

    private void walk(Element root) {
        Node node = root.childNodeSize() > 0 ? root.childNode(0) : null;
        while (node != null) {
            if (enter(node) && node.childNodeSize() > 0) {
                node = node.childNode(0);
                continue;
            }
            while (node != null) {
                leave(node);
                Node sibling = node.nextSibling();
                if (sibling != null) {
                    node = sibling;
                    break;
                }
                Node parent = node.parentNode();
                node = parent == root ? null : parent;
            }
        }
    }

    /** Returns whether to descend into the node. */
    private boolean enter(Node node) {
        if (node instanceof TextNode t) {
            text.append(t.getWholeText());
            hasText |= !t.isBlank();
            return false;
        }
        if (!(node instanceof Element e)) {
            return false;
        }
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
            return false;
        }
        if (tag.equals("br")) {
            text.append(Texts.LINE_BREAK);
            return false;
        }
        if (BLOCKS.contains(tag)) {
            flush();
            enclosing.push(kind);
            ParagraphKind inner = kindOf(e);
            if (inner != null) {
                kind = inner;
            }
        } else if (CELLS.contains(tag) && hasText) {
            text.append(" | ");
        }
        return true;
    }

    private void leave(Node node) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
            flush();
            kind = enclosing.pop();
        }
    }

    /** The kind an element gives the text inside it, or null when it inherits its parent's. */
    private static ParagraphKind kindOf(Element e) {
        String tag = e.normalName();
        if (ContentFinder.isHeading(tag)) {
            return ParagraphKind.HEADING;
        }
        if (tag.equals("blockquote")) {
            return ParagraphKind.QUOTE;
        }
        if (tag.equals("figcaption") || (tag.equals("caption") && e.parent() != null
                && e.parent().normalName().equals("figure"))) {
            return ParagraphKind.CAPTION;
        }
        return null;
    }

    private void flush() {
        if (text.length() == 0) {
            return;
        }
        String cleaned = Texts.cleanKeepingLines(text.toString());
        text.setLength(0);
        hasText = false;
        if (cleaned != null && !cleaned.equals("|")) {
            blocks.add(new Block(kind, cleaned));
        }
    }
}
