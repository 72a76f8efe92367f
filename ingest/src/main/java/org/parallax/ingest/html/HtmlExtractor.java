package org.parallax.ingest.html;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ParagraphKind;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Reads an HTML page: metadata from meta tags, the body from the page's paragraphs. A first version:
 * main-content scoring, JSON-LD and charset sniffing belong here too.
 */
public final class HtmlExtractor {

    private final OutletRecognizer outlets;

    public HtmlExtractor(OutletRecognizer outlets) {
        this.outlets = outlets;
    }

    /**
     * @param source the name the bytes came from
     * @param url the page's address when known (a WARC record's target URI, a feed item's link), or null
     */
    public ArticleDraft extract(String source, byte[] bytes, String url) throws ExtractionException {
        if (bytes.length == 0) {
            throw new ExtractionException(source + ": empty file");
        }
        Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), url == null ? "" : url);
        String headline = meta(doc, "og:title");
        if (headline == null) {
            Element h1 = doc.selectFirst("h1");
            headline = h1 != null ? h1.text() : doc.title();
        }
        List<ArticleDraft.Block> blocks = new ArrayList<>();
        for (Element p : doc.select("article p, main p, body p")) {
            String text = p.text().strip();
            if (!text.isEmpty() && blocks.stream().noneMatch(b -> b.text().equals(text))) {
                blocks.add(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text));
            }
        }
        if (blocks.isEmpty()) {
            throw new ExtractionException(source + ": no article text found in the HTML");
        }
        List<String> warnings = new ArrayList<>();
        boolean derived = headline == null || headline.isBlank();
        if (derived) {
            headline = blocks.get(0).text();
            warnings.add("derived headline: the source has none, so it was taken from the lead");
        }
        Instant published = parseInstant(meta(doc, "article:published_time"));
        if (published == null) {
            warnings.add("no publication date found");
        }
        var outlet = outlets.fromHost(url == null ? null : java.net.URI.create(url).getHost());
        if (outlet.isEmpty()) {
            warnings.add("unknown outlet: no URL, masthead or signature names the publisher");
        }
        return new ArticleDraft(url != null ? url : source, url, outlet.map(OutletRecognizer.Recognized::name).orElse(null),
                outlet.map(OutletRecognizer.Recognized::domain).orElse(null), headline, derived,
                meta(doc, "og:description"), meta(doc, "author"), published, null, blocks, 0.5, warnings);
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        String content = e == null ? null : e.attr("content").strip();
        return content == null || content.isEmpty() ? null : content;
    }

    private static Instant parseInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
