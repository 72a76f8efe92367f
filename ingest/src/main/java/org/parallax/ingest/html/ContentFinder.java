package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main content of a page, following the scoring model of Mozilla's Readability (Apache-2.0):
 * paragraphs earn points for length and commas, pass them up to their ancestors, candidates are
 * discounted by link density and weighted by class/id names, the best candidate absorbs siblings that
 * look like content, and the result is cleaned of forms, share bars, asides and link farms. When too
 * little text survives, the search is repeated with its filters relaxed one at a time.
 *
 * <p>A finder is used once: it mutates the document it is given.
 */
final class ContentFinder {

    /** Text an article must reach before the finder stops relaxing its filters. */
    static final int CHAR_THRESHOLD = 500;
    private static final int TOP_CANDIDATES = 5;
    private static final int MIN_ALTERNATIVE_CANDIDATES = 3;

    static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends"
                    + "|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break"
                    + "|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    /** Boxes news pages put around and inside articles: newsletter prompts, author bios, recirculation. */
    private static final Pattern FURNITURE = Pattern.compile(
            "newsletter|signup|sign-up|author-bio|authorbio|about-the-author|author-box|bio-box|recirc|read-more-links",
            Pattern.CASE_INSENSITIVE);
    /** Furniture is short; a long element with such a name is more likely a wrapper around the article. */
    private static final int MAX_FURNITURE_CHARS = 600;
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile("and|article|body|column|content|main|shadow",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media"
                    + "|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
            Pattern.CASE_INSENSITIVE);
    static final Pattern BYLINE_CLASS = Pattern.compile("byline|author|dateline|writtenby|p-author",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEOS = Pattern.compile(
            "//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org"
                    + "|player\\.twitch\\.tv)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");
    private static final Pattern DISPLAY_NONE = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    private static final Pattern VISIBILITY_HIDDEN = Pattern.compile("visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
    private static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> DIV_TO_P = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
    private static final Set<String> KEEP_AS_IS = Set.of("div", "article", "section", "p");
    private static final Set<String> PHRASING = Set.of(
            "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
            "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
            "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr");
    private static final Set<String> TEXTISH = Set.of(
            "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");

    /** The relaxations tried in turn when a pass finds too little text. */
    private enum Pass {
        STRICT(true, true, true),
        KEEP_UNLIKELY(false, true, true),
        IGNORE_CLASSES(false, false, true),
        NO_CONDITIONAL_CLEANING(false, false, false);

        final boolean stripUnlikely;
        final boolean weightClasses;
        final boolean cleanConditionally;

        Pass(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
            this.stripUnlikely = stripUnlikely;
            this.weightClasses = weightClasses;
            this.cleanConditionally = cleanConditionally;
        }
    }

    /**
     * What the finder settled on.
     *
     * @param root a detached element holding the article content
     * @param score the content score of the winning candidate
     * @param relaxed whether the filters had to be relaxed to find enough text
     * @param byline a byline found in the visible page (a {@code .byline} element, {@code rel=author}), or null
     * @param linkDensity the share of the content's text inside links
     */
    record Result(Element root, double score, boolean relaxed, String byline, double linkDensity) {
    }

    /** Supplies a fresh copy of the prepared page for each pass: passes mutate what they are given. */
    interface PageSource {
        Document fresh();
    }

    private final String title;
    private final boolean lookForByline;

    private Pass pass;
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());
    private String byline;
    private TextStats stats = new TextStats();
    /** Pages repeat the same few class names thousands of times; each is matched against a pattern once. */
    private final NameMatches names = new NameMatches();

    /**
     * @param title the article title from the metadata, used to drop a heading that repeats it
     * @param lookForByline whether the metadata lacks a byline, so the page's visible one is wanted
     */
    ContentFinder(String title, boolean lookForByline) {
        this.title = title;
        this.lookForByline = lookForByline;
    }

    /** Returns null when no pass finds any text at all. */
    Result find(Document first, PageSource source) {
        record Attempt(Element root, double score, int length, String byline, double linkDensity) {
        }
        List<Attempt> attempts = new ArrayList<>();
        Document doc = first;
        for (Pass p : Pass.values()) {
            pass = p;
            scores.clear();
            dataTables.clear();
            byline = null;
            if (doc == null) {
                doc = source.fresh();
            }
            Element body = doc.body();
            Candidate found = grab(doc, body);
            int length = stats.length(found.root);
            if (length >= CHAR_THRESHOLD) {
                return new Result(found.root, found.score, p != Pass.STRICT, byline, stats.linkDensity(found.root));
            }
            attempts.add(new Attempt(found.root, found.score, length, byline, stats.linkDensity(found.root)));
            doc = null;
        }
        Attempt best = attempts.get(0);
        for (Attempt a : attempts) {
            if (a.length > best.length) {
                best = a;
            }
        }
        return best.length == 0 ? null : new Result(best.root, best.score, true, best.byline, best.linkDensity);
    }

    private record Candidate(Element root, double score) {
    }

    private Candidate grab(Document doc, Element page) {
        List<Element> toScore = prepareNodes(doc);
        stats = new TextStats();
        List<Element> candidates = scoreParagraphs(toScore);
        Element top = null;
        List<Element> topCandidates = new ArrayList<>();
        for (Element candidate : candidates) {
            double score = scores.get(candidate) * (1 - stats.linkDensity(candidate));
            scores.put(candidate, score);
            for (int t = 0; t < TOP_CANDIDATES; t++) {
                if (t >= topCandidates.size() || score > scores.get(topCandidates.get(t))) {
                    topCandidates.add(t, candidate);
                    if (topCandidates.size() > TOP_CANDIDATES) {
                        topCandidates.remove(TOP_CANDIDATES);
                    }
                    break;
                }
            }
        }
        if (!topCandidates.isEmpty()) {
            top = topCandidates.get(0);
        }
        boolean createdTop = false;
        if (top == null || top == page) {
            top = new Element("div");
            createdTop = true;
            while (page.childNodeSize() > 0) {
                top.appendChild(page.childNode(0));
            }
            page.appendChild(top);
            initialize(top);
        } else {
            top = promote(top, topCandidates);
        }

        Element article = new Element("div");
        mergeSiblings(top, article);
        new ContentCleaner(this).clean(article);
        return new Candidate(article, scores.getOrDefault(top, 0.0));
    }

    /**
     * Walks the document once: drops hidden, unlikely and empty nodes, the byline and a heading repeating
     * the title, turns text-only divs into paragraphs and collects the nodes to score.
     */
    private List<Element> prepareNodes(Document doc) {
        List<Element> toScore = new ArrayList<>();
        // Removal is deferred to the end of the walk: removing from a parent with thousands of children
        // and then stepping to the next sibling makes jsoup re-index those children every time.
        List<Element> dropped = new ArrayList<>();
        // Text does not change during the walk (nothing is removed yet, regrouping keeps it), so the
        // emptiness and link-density checks can share one cache.
        TextStats walkStats = new TextStats();
        boolean titleHeadingPending = title != null;
        Element node = doc.firstElementChild();
        while (node != null) {
            String tag = node.normalName();
            String match = node.className() + " " + node.id();
            // Most elements carry neither class nor id; the name patterns cannot match them.
            boolean named = match.length() > 1;
            if (!isProbablyVisible(node)
                    || ("true".equals(node.attr("aria-modal")) && "dialog".equals(node.attr("role")))) {
                dropped.add(node);
                node = Dom.next(node, true);
                continue;
            }
            if (lookForByline && byline == null && isByline(node, match, named)) {
                byline = node.text().strip();
                dropped.add(node);
                node = Dom.next(node, true);
                continue;
            }
            if (titleHeadingPending && (tag.equals("h1") || tag.equals("h2"))
                    && TextSimilarity.similarity(title, node.text()) > 0.75) {
                titleHeadingPending = false;
                dropped.add(node);
                node = Dom.next(node, true);
                continue;
            }
            if (pass.stripUnlikely) {
                if (named && names.test(match, UNLIKELY) && !names.test(match, MAYBE_CANDIDATE)
                        && !Dom.hasAncestor(node, "table", 3, null) && !Dom.hasAncestor(node, "code", 3, null)
                        && !tag.equals("body") && !tag.equals("a")) {
                    dropped.add(node);
                    node = Dom.next(node, true);
                    continue;
                }
                if (isFurniture(node, match, named, walkStats)) {
                    dropped.add(node);
                    node = Dom.next(node, true);
                    continue;
                }
                if (UNLIKELY_ROLES.contains(node.attr("role"))) {
                    dropped.add(node);
                    node = Dom.next(node, true);
                    continue;
                }
            }
            if ((tag.equals("div") || tag.equals("section") || tag.equals("header") || isHeading(tag))
                    && isWithoutContent(node, walkStats)) {
                dropped.add(node);
                node = Dom.next(node, true);
                continue;
            }
            if (TAGS_TO_SCORE.contains(tag)) {
                toScore.add(node);
            }
            if (tag.equals("div")) {
                wrapPhrasingRuns(node);
                if (hasSingleChildTag(node, "p") && walkStats.linkDensity(node) < 0.25) {
                    Element child = node.child(0);
                    node.replaceWith(child);
                    node = child;
                    toScore.add(node);
                } else if (!hasBlockDescendant(node)) {
                    node.tagName("p");
                    toScore.add(node);
                }
            }
            node = Dom.next(node, false);
        }
        Dom.removeAll(dropped);
        return toScore;
    }

    /**
     * Puts runs of inline content directly inside a div into paragraphs of their own. The children are
     * regrouped in one pass: moving them one at a time would cost quadratic time in a div with
     * thousands of inline children.
     */
    private static void wrapPhrasingRuns(Element div) {
        List<Node> children = div.childNodes();
        boolean anyRun = false;
        for (Node child : children) {
            if (!isWhitespace(child) && isPhrasing(child)) {
                anyRun = true;
                break;
            }
        }
        if (!anyRun) {
            return;
        }
        List<Node> regrouped = new ArrayList<>();
        List<List<Node>> runs = new ArrayList<>();
        List<Node> run = null;
        for (Node child : new ArrayList<>(children)) {
            if (isPhrasing(child)) {
                if (run != null) {
                    run.add(child);
                    continue;
                }
                if (!isWhitespace(child)) {
                    run = new ArrayList<>();
                    run.add(child);
                    runs.add(run);
                    regrouped.add(null);
                    continue;
                }
            } else {
                run = null;
            }
            regrouped.add(child);
        }
        div.empty();
        int next = 0;
        for (Node node : regrouped) {
            if (node != null) {
                div.appendChild(node);
                continue;
            }
            List<Node> nodes = runs.get(next++);
            int end = nodes.size();
            while (end > 0 && isWhitespace(nodes.get(end - 1))) {
                end--;
            }
            Element p = new Element("p");
            p.appendChildren(nodes.subList(0, end));
            div.appendChild(p);
        }
    }

    private List<Element> scoreParagraphs(List<Element> toScore) {
        List<Element> candidates = new ArrayList<>();
        for (Element element : toScore) {
            if (Dom.parentElement(element) == null) {
                continue;
            }
            int length = stats.length(element);
            if (length < 25) {
                continue;
            }
            List<Element> ancestors = Dom.ancestors(element, 5);
            if (ancestors.isEmpty()) {
                continue;
            }
            // A point for the paragraph, one per comma-separated part, one per 100 characters up to 3.
            double score = 1 + (stats.commas(element) + 1) + Math.min(length / 100, 3);
            for (int level = 0; level < ancestors.size(); level++) {
                Element ancestor = ancestors.get(level);
                if (Dom.parentElement(ancestor) == null) {
                    continue;
                }
                if (!scores.containsKey(ancestor)) {
                    initialize(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
            }
        }
        return candidates;
    }

    /**
     * Moves from the best-scoring node to the ancestor that really holds the article: a common ancestor
     * of several near-best candidates, a parent scoring higher, or a parent whose only child it is.
     */
    private Element promote(Element top, List<Element> topCandidates) {
        double topScore = scores.get(top);
        List<Set<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < topCandidates.size(); i++) {
            if (scores.get(topCandidates.get(i)) / topScore >= 0.75) {
                Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
                ancestors.addAll(Dom.ancestors(topCandidates.get(i), 0));
                alternatives.add(ancestors);
            }
        }
        if (alternatives.size() >= MIN_ALTERNATIVE_CANDIDATES) {
            Element parent = Dom.parentElement(top);
            while (parent != null && !parent.normalName().equals("body")) {
                int containing = 0;
                for (Set<Element> ancestors : alternatives) {
                    if (ancestors.contains(parent) && ++containing >= MIN_ALTERNATIVE_CANDIDATES) {
                        break;
                    }
                }
                if (containing >= MIN_ALTERNATIVE_CANDIDATES) {
                    top = parent;
                    break;
                }
                parent = Dom.parentElement(parent);
            }
        }
        if (!scores.containsKey(top)) {
            initialize(top);
        }
        Element parent = Dom.parentElement(top);
        double lastScore = scores.get(top);
        double threshold = lastScore / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                parent = Dom.parentElement(parent);
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                top = parent;
                break;
            }
            lastScore = parentScore;
            parent = Dom.parentElement(parent);
        }
        parent = Dom.parentElement(top);
        while (parent != null && !parent.normalName().equals("body") && parent.childrenSize() == 1) {
            top = parent;
            parent = Dom.parentElement(top);
        }
        if (!scores.containsKey(top)) {
            initialize(top);
        }
        return top;
    }

    /** Appends the top candidate and the siblings that look like part of the same article. */
    private void mergeSiblings(Element top, Element article) {
        double topScore = scores.get(top);
        double threshold = Math.max(10, topScore * 0.2);
        Element parent = Dom.parentElement(top);
        if (parent == null) {
            article.appendChild(top);
            return;
        }
        for (Element sibling : new ArrayList<>(parent.children())) {
            boolean append = false;
            if (sibling == top) {
                append = true;
            } else {
                double bonus = 0;
                if (!top.className().isEmpty() && sibling.className().equals(top.className())) {
                    bonus += topScore * 0.2;
                }
                Double siblingScore = scores.get(sibling);
                if (siblingScore != null && siblingScore + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    double density = stats.linkDensity(sibling);
                    int length = stats.length(sibling);
                    if (length > 80 && density < 0.25) {
                        append = true;
                    } else if (length < 80 && length > 0 && density == 0
                            && SENTENCE_END.matcher(sibling.text()).find()) {
                        append = true;
                    }
                }
            }
            if (append) {
                if (!KEEP_AS_IS.contains(sibling.normalName())) {
                    sibling.tagName("div");
                }
                article.appendChild(sibling);
            }
        }
    }

    private void initialize(Element node) {
        double score = switch (node.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        scores.put(node, score + classWeight(node));
    }

    int classWeight(Element e) {
        if (!pass.weightClasses) {
            return 0;
        }
        int weight = 0;
        String className = e.className();
        if (!className.isEmpty()) {
            if (names.test(className, NEGATIVE)) {
                weight -= 25;
            }
            if (names.test(className, POSITIVE)) {
                weight += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (names.test(id, NEGATIVE)) {
                weight -= 25;
            }
            if (names.test(id, POSITIVE)) {
                weight += 25;
            }
        }
        return weight;
    }

    boolean cleansConditionally() {
        return pass.cleanConditionally;
    }

    TextStats stats() {
        return stats;
    }

    Set<Element> dataTables() {
        return dataTables;
    }

    private boolean isFurniture(Element node, String match, boolean named, TextStats stats) {
        return named && names.test(match, FURNITURE) && !node.normalName().equals("body")
                && stats.length(node) < MAX_FURNITURE_CHARS;
    }

    private boolean isByline(Element node, String match, boolean named) {
        boolean looksLike = "author".equals(node.attr("rel")) || node.attr("itemprop").contains("author")
                || (named && names.test(match, BYLINE_CLASS));
        if (!looksLike) {
            return false;
        }
        int length = Dom.textLength(node);
        return length > 0 && length < 100;
    }

    static boolean isProbablyVisible(Element node) {
        String style = node.attr("style");
        if (!style.isEmpty() && (DISPLAY_NONE.matcher(style).find() || VISIBILITY_HIDDEN.matcher(style).find())) {
            return false;
        }
        if (node.hasAttr("hidden")) {
            return false;
        }
        return !"true".equals(node.attr("aria-hidden")) || node.className().contains("fallback-image");
    }

    static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    static boolean isWithoutContent(Element node, TextStats stats) {
        if (stats.length(node) > 0) {
            return false;
        }
        int children = node.childrenSize();
        return children == 0
                || children == Dom.countDescendants(node, "br") + Dom.countDescendants(node, "hr");
    }

    /** Exactly one element child, with the given tag, and no text of its own. */
    static boolean hasSingleChildTag(Element element, String tag) {
        if (element.childrenSize() != 1 || !element.child(0).normalName().equals(tag)) {
            return false;
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t && !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasBlockDescendant(Element element) {
        return Dom.anyDescendant(element, e -> DIV_TO_P.contains(e.normalName()));
    }

    /**
     * Inline content: text, phrasing tags, and links or edits holding only inline content. Checked with
     * an explicit stack so nested {@code <del>}s cannot exhaust the call stack.
     */
    static boolean isPhrasing(Node node) {
        List<Node> pending = new ArrayList<>();
        pending.add(node);
        while (!pending.isEmpty()) {
            Node current = pending.remove(pending.size() - 1);
            if (current instanceof TextNode) {
                continue;
            }
            if (!(current instanceof Element e)) {
                return false;
            }
            String tag = e.normalName();
            if (PHRASING.contains(tag)) {
                continue;
            }
            if (tag.equals("a") || tag.equals("del") || tag.equals("ins")) {
                pending.addAll(e.childNodes());
                continue;
            }
            return false;
        }
        return true;
    }

    static boolean isWhitespace(Node node) {
        return Dom.isWhitespaceText(node) || (node instanceof Element e && e.normalName().equals("br"));
    }

    static boolean isAllowedVideo(Element element) {
        for (var attribute : element.attributes()) {
            if (VIDEOS.matcher(attribute.getValue()).find()) {
                return true;
            }
        }
        return element.normalName().equals("object") && VIDEOS.matcher(element.html()).find();
    }

    boolean isShareElement(Element node) {
        return names.test(node.className() + " " + node.id(), SHARE);
    }

    static boolean isAdOrLoadingText(String text) {
        return AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches();
    }

    static boolean isTextish(String tag) {
        return TEXTISH.contains(tag);
    }
}
