package org.parallax.ingest.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text length, link text length and comma count of elements, computed bottom-up once and cached:
 * scoring asks for them for every candidate and cleaning for every nested block, which would
 * otherwise re-read the same subtrees over and over. Lengths are those of the text with whitespace
 * runs counted as one character and the ends trimmed. Callers that remove nodes must report them
 * through {@link #remove(Element)} so the ancestors' figures are recomputed.
 */
final class TextStats {

    /**
     * @param length trimmed, whitespace-collapsed length; 0 when there is no visible text
     * @param lead whether the text starts with whitespace
     * @param trail whether the text ends with whitespace
     * @param space whether the text is whitespace only (and not empty)
     * @param linkLength length of the text inside links, in-page anchors weighted at 0.3
     * @param commas commas of any script (Latin, Arabic, CJK full-width)
     */
    private record Summary(int length, boolean lead, boolean trail, boolean space, double linkLength, int commas) {

        boolean visible() {
            return length > 0;
        }
    }

    private static final Summary EMPTY = new Summary(0, false, false, false, 0, 0);

    private final Map<Element, Summary> cache = new IdentityHashMap<>();

    int length(Element e) {
        return summary(e).length();
    }

    int commas(Element e) {
        return summary(e).commas();
    }

    double linkDensity(Element e) {
        Summary s = summary(e);
        return s.length() == 0 ? 0 : s.linkLength() / s.length();
    }

    /** Removes the node from the tree and forgets the figures of every ancestor. */
    void remove(Element node) {
        Element parent = node.parent();
        node.remove();
        changed(parent);
    }

    /** Forgets the figures of an element whose content changed, and of its ancestors. */
    void changed(Element element) {
        Element current = element;
        while (current != null) {
            cache.remove(current);
            current = current.parent();
        }
    }

    private Summary summary(Element root) {
        Summary cached = cache.get(root);
        if (cached != null) {
            return cached;
        }
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        Summary last = EMPTY;
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.index < frame.element.childNodeSize()) {
                Node child = frame.element.childNode(frame.index++);
                if (child instanceof TextNode t) {
                    frame.append(of(t.getWholeText()));
                } else if (child instanceof Element e) {
                    Summary known = cache.get(e);
                    if (known != null) {
                        frame.append(known);
                    } else {
                        stack.push(new Frame(e));
                    }
                }
                continue;
            }
            stack.pop();
            last = frame.finish();
            cache.put(frame.element, last);
            if (!stack.isEmpty()) {
                stack.peek().append(last);
            }
        }
        return last;
    }

    private static Summary of(String text) {
        int length = 0;
        int commas = 0;
        boolean started = false;
        boolean pending = false;
        boolean lead = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!started) {
                    lead = true;
                }
                pending = started;
            } else {
                if (pending) {
                    length++;
                    pending = false;
                }
                length++;
                started = true;
                if (isComma(c)) {
                    commas++;
                }
            }
        }
        if (!started) {
            return lead ? new Summary(0, true, true, true, 0, 0) : EMPTY;
        }
        return new Summary(length, lead, pending, false, 0, commas);
    }

    private static boolean isComma(char c) {
        return c == ',' || c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C';
    }

    /** Concatenates the summaries of an element's children in order. */
    private static final class Frame {
        final Element element;
        int index;
        int length;
        boolean lead;
        boolean trail;
        boolean sawSpace;
        double linkLength;
        int commas;

        Frame(Element element) {
            this.element = element;
        }

        void append(Summary s) {
            linkLength += s.linkLength();
            commas += s.commas();
            if (!s.visible()) {
                if (s.space()) {
                    if (length == 0) {
                        sawSpace = true;
                    } else {
                        trail = true;
                    }
                }
                return;
            }
            if (length == 0) {
                lead = sawSpace || s.lead();
                length = s.length();
            } else {
                length += s.length() + (trail || s.lead() ? 1 : 0);
            }
            trail = s.trail();
        }

        Summary finish() {
            double links = linkLength;
            if (element.normalName().equals("a")) {
                String href = element.attr("href");
                links = length * (href.length() > 1 && href.charAt(0) == '#' ? 0.3 : 1);
            }
            if (length == 0) {
                return sawSpace ? new Summary(0, true, true, true, links, commas) : new Summary(0, false, false, false,
                        links, commas);
            }
            return new Summary(length, lead, trail, false, links, commas);
        }
    }
}
