package org.parallax.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;

/**
 * Turns an HTML fragment that is already an article body (a feed item's {@code content:encoded}, a JSON
 * body with markup) into blocks. No main-content detection is needed: the whole fragment is the body;
 * only non-text elements (scripts, forms, embedded frames) are left out. The walk is iterative, so deeply
 * nested markup cannot overflow the stack.
 */
public final class HtmlFragment {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "li", "ul", "ol", "pre", "figure", "figcaption", "table", "tr", "dd", "dt",
            "header", "footer", "main", "aside", "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "iframe", "form", "button",
            "select", "textarea", "svg", "object", "embed", "template", "nav");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern MARKUP = Pattern.compile("<(?:p|br|div|h[1-6]|blockquote|li|a|em|strong|b|i|span)"
            + "(?:\\s[^>]*)?/?>", Pattern.CASE_INSENSITIVE);

    private HtmlFragment() {
    }

    /** Whether a text field carries HTML markup rather than plain text. */
    public static boolean looksLikeMarkup(String text) {
        return MARKUP.matcher(text).find();
    }

    public static List<Block> blocks(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        Walker walker = new Walker();
        body.filter(walker);
        walker.flush();
        return walker.blocks;
    }

    /** The fragment's text on one line, for titles and other short fields that may carry markup. */
    public static String text(String html) {
        return normalise(Jsoup.parseBodyFragment(html).body().text());
    }

    private static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static final class Walker implements NodeFilter {
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        int headings;
        int quotes;
        int captions;
        boolean lastWasBreak;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
                lastWasBreak = false;
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (SKIPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (name.equals("br")) {
                // One <br> is a line break inside a paragraph; two in a row separate paragraphs.
                if (lastWasBreak) {
                    flush();
                } else {
                    current.append(' ');
                }
                lastWasBreak = true;
                return FilterResult.CONTINUE;
            }
            if (BLOCKS.contains(name)) {
                flush();
                adjust(name, 1);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                flush();
                adjust(element.normalName(), -1);
            }
            return FilterResult.CONTINUE;
        }

        private void adjust(String name, int by) {
            if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
                headings += by;
            } else if (name.equals("blockquote")) {
                quotes += by;
            } else if (name.equals("figcaption")) {
                captions += by;
            }
        }

        void flush() {
            String text = normalise(current.toString());
            current.setLength(0);
            lastWasBreak = false;
            if (text.isEmpty()) {
                return;
            }
            ParagraphKind kind = headings > 0 ? ParagraphKind.HEADING
                    : captions > 0 ? ParagraphKind.CAPTION
                    : quotes > 0 ? ParagraphKind.QUOTE
                    : ParagraphKind.PARAGRAPH;
            blocks.add(new Block(kind, text));
        }
    }
}
