package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Tree walks without recursion: hostile pages nest elements thousands of levels deep, and a recursive
 * walk would overflow the stack.
 */
final class Dom {

    private Dom() {
    }

    /** The element after {@code node} in document order; with {@code skipChildren}, after its subtree. */
    static Element next(Element node, boolean skipChildren) {
        if (!skipChildren) {
            Element child = node.firstElementChild();
            if (child != null) {
                return child;
            }
        }
        Element current = node;
        while (current != null) {
            Element sibling = current.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
            current = parentElement(current);
        }
        return null;
    }

    /** Removes {@code node} and returns the element that followed its subtree. */
    static Element removeAndNext(Element node) {
        Element next = next(node, true);
        node.remove();
        return next;
    }

    /** The parent if it is a real element: the {@link Document} is not one. */
    static Element parentElement(Node node) {
        Node parent = node.parentNode();
        return parent instanceof Element e && !(parent instanceof Document) ? e : null;
    }

    /** Descendants of {@code root} (not itself) that pass {@code test}, in document order. */
    static List<Element> descendants(Element root, Predicate<Element> test) {
        List<Element> found = new ArrayList<>();
        Element node = root.firstElementChild();
        while (node != null) {
            if (test.test(node)) {
                found.add(node);
            }
            node = nextWithin(root, node, false);
        }
        return found;
    }

    static List<Element> descendantsByTag(Element root, String... tags) {
        return descendants(root, e -> hasTag(e, tags));
    }

    static boolean anyDescendant(Element root, Predicate<Element> test) {
        Element node = root.firstElementChild();
        while (node != null) {
            if (test.test(node)) {
                return true;
            }
            node = nextWithin(root, node, false);
        }
        return false;
    }

    static int countDescendants(Element root, String tag) {
        int count = 0;
        Element node = root.firstElementChild();
        while (node != null) {
            if (node.normalName().equals(tag)) {
                count++;
            }
            node = nextWithin(root, node, false);
        }
        return count;
    }

    /** Document-order successor of {@code node} that stays inside {@code root}, or null. */
    static Element nextWithin(Element root, Element node, boolean skipChildren) {
        if (!skipChildren) {
            Element child = node.firstElementChild();
            if (child != null) {
                return child;
            }
        }
        Element current = node;
        while (current != null && current != root) {
            Element sibling = current.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
            current = current.parent();
        }
        return null;
    }

    static boolean hasTag(Element e, String... tags) {
        String name = e.normalName();
        for (String tag : tags) {
            if (name.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an ancestor within {@code maxDepth} levels (unlimited when negative) has the tag and passes. */
    static boolean hasAncestor(Element node, String tag, int maxDepth, Predicate<Element> test) {
        int depth = 0;
        Element parent = parentElement(node);
        while (parent != null) {
            if (maxDepth >= 0 && depth > maxDepth) {
                return false;
            }
            if (parent.normalName().equals(tag) && (test == null || test.test(parent))) {
                return true;
            }
            parent = parentElement(parent);
            depth++;
        }
        return false;
    }

    static boolean isWhitespaceText(Node node) {
        return node instanceof TextNode t && t.isBlank();
    }

    /** Ancestors nearest first, at most {@code maxDepth} of them (all when 0). */
    static List<Element> ancestors(Element node, int maxDepth) {
        List<Element> result = new ArrayList<>();
        Element parent = parentElement(node);
        while (parent != null) {
            result.add(parent);
            if (maxDepth > 0 && result.size() == maxDepth) {
                break;
            }
            parent = parentElement(parent);
        }
        return result;
    }
}
