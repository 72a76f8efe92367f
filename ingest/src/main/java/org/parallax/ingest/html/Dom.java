package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Removes the elements, regrouping each parent's children in one pass when several of them go, so
     * that emptying a parent with thousands of children stays linear.
     */
    static void removeAll(List<Element> nodes) {
        Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
        for (Element node : nodes) {
            Element parent = node.parent();
            if (parent != null) {
                byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(node);
            }
        }
        for (Map.Entry<Element, Set<Node>> entry : byParent.entrySet()) {
            Element parent = entry.getKey();
            Set<Node> gone = entry.getValue();
            if (gone.size() < 8) {
                gone.forEach(Node::remove);
                continue;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
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

    /**
     * Length of the element's text with whitespace runs counted as one character and the ends trimmed,
     * computed without building the string: scoring asks for it thousands of times per page.
     */
    static int textLength(Element root) {
        int length = 0;
        boolean started = false;
        boolean pendingSpace = false;
        Node node = firstChild(root);
        while (node != null) {
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                for (int i = 0; i < text.length(); i++) {
                    if (isSpace(text.charAt(i))) {
                        pendingSpace = started;
                    } else {
                        if (pendingSpace) {
                            length++;
                            pendingSpace = false;
                        }
                        length++;
                        started = true;
                    }
                }
            }
            node = nextNodeWithin(root, node);
        }
        return length;
    }

    /** Whether any text below the element is more than whitespace; stops at the first such text. */
    static boolean hasText(Element root) {
        Node node = firstChild(root);
        while (node != null) {
            if (node instanceof TextNode t && !t.isBlank()) {
                return true;
            }
            node = nextNodeWithin(root, node);
        }
        return false;
    }

    private static Node firstChild(Node node) {
        return node.childNodeSize() > 0 ? node.childNode(0) : null;
    }

    /** Document-order successor over all nodes (text included) that stays inside {@code root}. */
    private static Node nextNodeWithin(Node root, Node node) {
        if (node.childNodeSize() > 0) {
            return node.childNode(0);
        }
        Node current = node;
        while (current != null && current != root) {
            Node sibling = current.nextSibling();
            if (sibling != null) {
                return sibling;
            }
            current = current.parentNode();
        }
        return null;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || Character.isWhitespace(c);
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
