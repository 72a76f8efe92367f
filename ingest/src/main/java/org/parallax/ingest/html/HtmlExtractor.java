package org.parallax.ingest.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Reads an article out of an HTML page: decodes the bytes ({@link HtmlDecoder}), parses them with jsoup,
 * reads the page's metadata ({@link MetadataReader}), finds the main content ({@link ContentFinder}) and
 * writes it as typed blocks ({@link BlockWriter}).
 *
 * <p>Hostile input is refused with a one-line {@link ExtractionException} naming the source: empty or
 * binary files, pages over {@link #DEFAULT_MAX_BYTES}, pages without article text. Deeply nested markup
 * is flattened by the parser below {@link #MAX_DEPTH} levels, and every walk over the tree is iterative.
 * Instances are immutable and safe to share between threads.
 */
public final class HtmlExtractor {

    /**
     * The largest page accepted: 8 MiB. Real article pages, scripts and inline styles included, stay
     * under 2 MiB (the largest of the 130 benchmark pages is 1.6 MB). The parsed tree costs several
     * times the page's size, so the limit is what bounds the memory of one extraction; larger input is
     * refused before it is decoded.
     */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
    /** Elements nested deeper than this are attached to their ancestor at this depth instead. */
    static final int MAX_DEPTH = 512;
    /** Bodies shorter than this many words are flagged: teasers, paywalls, extraction misses. */
    static final int SHORT_BODY_WORDS = 150;
    private static final int DERIVED_HEADLINE_CHARS = 120;
    private static final Pattern VISIBLE_BYLINE = Pattern.compile(
            "^(?:By|BY|by)\\s+(\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+(?:and\\s+|&\\s+)?\\p{Lu}[\\p{L}.'’\\-]*){0,5}"
                    + "(?:,\\s*\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}[\\p{L}.'’\\-]*){0,4}){0,3})\\s*$");

    private final OutletRecognizer outlets;
    private final int maxBytes;

    public HtmlExtractor(OutletRecognizer outlets) {
        this(outlets, DEFAULT_MAX_BYTES);
    }

    public HtmlExtractor(OutletRecognizer outlets, int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.outlets = outlets;
        this.maxBytes = maxBytes;
    }

    /**
     * @param source the name the bytes came from
     * @param url the page's address when known (a WARC record's target URI, a feed item's link), or null
     */
    public ArticleDraft extract(String source, byte[] bytes, String url) throws ExtractionException {
        return extractArticle(source, bytes, url, null).draft();
    }

    /**
     * @param transportCharset the charset named by an HTTP {@code Content-Type} header, or null
     */
    public HtmlArticle extractArticle(String source, byte[] bytes, String url, String transportCharset)
            throws ExtractionException {
        if (bytes.length == 0) {
            throw new ExtractionException(source + ": empty file");
        }
        if (bytes.length > maxBytes) {
            throw new ExtractionException(String.format(Locale.ROOT, "%s: %,d bytes is over the %,d-byte limit for an HTML page",
                    source, bytes.length, maxBytes));
        }
        HtmlDecoder.Decoded decoded = HtmlDecoder.decode(source, bytes, transportCharset);
        String html = decoded.text();
        String baseUri = url == null ? "" : url;
        Document doc = parse(html, baseUri);
        if (doc.body() == null || !Dom.hasText(doc.body())) {
            throw new ExtractionException(source + ": no text in the HTML");
        }
        PageMetadata meta = MetadataReader.read(doc);
        prepare(doc);
        ContentFinder finder = new ContentFinder(meta.title(), meta.byline() == null);
        ContentFinder.Result content = finder.find(doc, () -> prepare(parse(html, baseUri)));
        if (content == null) {
            throw new ExtractionException(source + ": no article text found in the HTML");
        }
        List<Block> blocks = PullQuotes.strip(BoilerplateBlocks.strip(BlockWriter.write(content.root())));
        if (blocks.isEmpty()) {
            throw new ExtractionException(source + ": no article text found in the HTML");
        }
        return assemble(source, url, decoded, meta, content, blocks);
    }

    private static Document parse(String html, String baseUri) {
        return Jsoup.parse(html, baseUri, Parser.htmlParser().setMaxDepth(MAX_DEPTH));
    }

    /** Drops what never carries article text and turns {@code <br><br>} runs and fonts into plain markup. */
    private static Document prepare(Document doc) {
        List<Element> dropped = new ArrayList<>();
        List<Element> breaks = new ArrayList<>();
        List<Element> fonts = new ArrayList<>();
        Element node = doc.firstElementChild();
        while (node != null) {
            switch (node.normalName()) {
                case "script", "noscript", "style", "template" -> {
                    dropped.add(node);
                    node = Dom.next(node, true);
                    continue;
                }
                case "br" -> breaks.add(node);
                case "font" -> fonts.add(node);
                default -> {
                    // nothing to change
                }
            }
            node = Dom.next(node, false);
        }
        Dom.removeAll(dropped);
        BreakRuns.replace(breaks);
        // After the break runs, as Readability does: a <font> ends a run of inline content there.
        fonts.forEach(font -> font.tagName("span"));
        return doc;
    }

    private HtmlArticle assemble(String source, String url, HtmlDecoder.Decoded decoded, PageMetadata meta,
            ContentFinder.Result content, List<Block> blocks) {
        List<String> warnings = new ArrayList<>();
        String headline = meta.title();
        boolean derived = headline == null;
        if (derived) {
            headline = derivedHeadline(blocks);
            warnings.add("derived headline: the page declares no title, so it was taken from the lead");
        }
        String byline = meta.byline();
        if (byline == null) {
            byline = MetadataReader.cleanByline(content.byline());
        }
        if (byline == null) {
            byline = visibleByline(blocks);
        }
        String dek = meta.description();
        if (dek != null && repeatsLead(dek, blocks)) {
            dek = null;
        }
        if (meta.publishedAt() == null) {
            warnings.add("no publication date found");
        }
        Outlet outlet = outlet(url, meta);
        if (outlet == null) {
            warnings.add("unknown outlet: no known domain or declared site name names the publisher");
        }
        int words = wordCount(blocks);
        if (words < SHORT_BODY_WORDS) {
            warnings.add("short body: " + words + " words");
        }
        if (content.relaxed()) {
            warnings.add("weak page structure: the body was found only with relaxed filters");
        }
        double linkDensity = content.linkDensity();
        double confidence = Confidence.of(new Confidence.Signals(content.score(), words, linkDensity, content.relaxed(),
                !derived, meta.publishedAt() != null, byline != null, outlet != null));
        String articleUrl = url != null ? url : meta.canonicalUrl();
        ArticleDraft draft = new ArticleDraft(articleUrl != null ? articleUrl : source, articleUrl,
                outlet == null ? null : outlet.name(), outlet == null ? null : outlet.domain(), headline, derived, dek,
                byline, meta.publishedAt(), meta.language(), blocks, confidence, warnings);
        return new HtmlArticle(draft, meta.canonicalUrl(), meta.siteName(), decoded.charset());
    }

    private record Outlet(String name, String domain) {
    }

    /**
     * The publisher: a known domain (the page's address, then its canonical address), then the site name
     * the page declares, matched to a known outlet where possible. Never guessed beyond that.
     */
    private Outlet outlet(String url, PageMetadata meta) {
        for (String address : new String[] {url, meta.canonicalUrl()}) {
            Optional<OutletRecognizer.Recognized> known = outlets.fromHost(host(address));
            if (known.isPresent()) {
                return new Outlet(known.get().name(), known.get().domain());
            }
        }
        String siteName = meta.siteName();
        if (siteName == null || siteName.length() > 80 || siteName.contains("://")) {
            return null;
        }
        Optional<OutletRecognizer.Recognized> named = outlets.recognize(siteName, null, "");
        if (named.isPresent() && named.get().name().equalsIgnoreCase(siteName)) {
            return new Outlet(named.get().name(), named.get().domain());
        }
        String host = host(url != null ? url : meta.canonicalUrl());
        return new Outlet(siteName, host == null ? null : host.replaceFirst("^www\\.", ""));
    }

    private static String host(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return new URI(address.strip()).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String derivedHeadline(List<Block> blocks) {
        String lead = blocks.stream().filter(b -> b.kind() != ParagraphKind.CAPTION).findFirst()
                .orElse(blocks.get(0)).text().replace('\n', ' ');
        if (lead.length() <= DERIVED_HEADLINE_CHARS) {
            return lead;
        }
        int cut = lead.lastIndexOf(' ', DERIVED_HEADLINE_CHARS);
        return lead.substring(0, cut > 40 ? cut : DERIVED_HEADLINE_CHARS) + "…";
    }

    /** A "By Jane Doe" line among the first blocks, for pages whose byline has no markup at all. */
    private static String visibleByline(List<Block> blocks) {
        for (int i = 0; i < Math.min(blocks.size(), 8); i++) {
            for (String line : blocks.get(i).text().split("\n")) {
                var m = VISIBLE_BYLINE.matcher(line.strip());
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** Whether the description is just the first paragraph again (or a cut-off copy of it). */
    private static boolean repeatsLead(String dek, List<Block> blocks) {
        String normalizedDek = comparable(dek);
        for (Block block : blocks) {
            if (block.kind() == ParagraphKind.PARAGRAPH) {
                String lead = comparable(block.text());
                String stem = normalizedDek.endsWith("…") || normalizedDek.endsWith("...")
                        ? normalizedDek.replaceAll("(…|\\.\\.\\.)$", "").strip() : normalizedDek;
                return !stem.isEmpty() && (lead.startsWith(stem) || TextSimilarity.similarity(lead, dek) > 0.9);
            }
        }
        return false;
    }

    private static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static int wordCount(List<Block> blocks) {
        int words = 0;
        for (Block block : blocks) {
            if (block.kind() == ParagraphKind.CAPTION) {
                continue;
            }
            boolean inWord = false;
            String text = block.text();
            for (int i = 0; i < text.length(); i++) {
                boolean letter = Character.isLetterOrDigit(text.charAt(i));
                if (letter && !inWord) {
                    words++;
                }
                inWord = letter;
            }
        }
        return words;
    }
}
