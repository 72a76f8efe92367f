package org.parallax.ingest.html;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns runs of two or more {@code <br>}s into paragraphs, so pages that lay out text with line breaks
 * ({@code foo<br><br>bar}) score like pages with real paragraphs.
 */
final class BreakRuns {

    private BreakRuns() {
    }

    /** @param breaks the page's {@code <br>} elements in document order */
    static void replace(List<Element> breaks) {
        for (Element br : breaks) {
            if (br.parentNode() == null) {
                continue;
            }
            boolean replaced = false;
            Node next = skipWhitespace(br.nextSibling());
            while (isBr(next)) {
                replaced = true;
                Node after = next.nextSibling();
                next.remove();
                next = skipWhitespace(after);
            }
            if (!replaced) {
                continue;
            }
            Element p = new Element("p");
            br.replaceWith(p);
            Node sibling = p.nextSibling();
            while (sibling != null) {
                if (isBr(sibling) && isBr(skipWhitespace(sibling.nextSibling()))) {
                    break;
                }
                if (!ContentFinder.isPhrasing(sibling)) {
                    break;
                }
                Node following = sibling.nextSibling();
                p.appendChild(sibling);
                sibling = following;
            }
            while (p.childNodeSize() > 0 && ContentFinder.isWhitespace(p.childNode(p.childNodeSize() - 1))) {
                p.childNode(p.childNodeSize() - 1).remove();
            }
            Element parent = p.parent();
            if (parent != null && parent.normalName().equals("p")) {
                parent.tagName("div");
            }
        }
    }

    private static Node skipWhitespace(Node node) {
        Node current = node;
        while (current != null && !(current instanceof Element) && (!(current instanceof TextNode t) || t.isBlank())) {
            current = current.nextSibling();
        }
        return current;
    }

    private static boolean isBr(Node node) {
        return node instanceof Element e && e.normalName().equals("br");
    }
}
