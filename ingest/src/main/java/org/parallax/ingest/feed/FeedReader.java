package org.parallax.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.Warnings;
import org.parallax.ingest.text.HtmlFragment;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom feeds with Rome: one article per item. The full text comes from
 * {@code content:encoded} (RSS) or {@code <content>} (Atom) where the feed carries it; otherwise the
 * summary is used and the article is marked partial. Feeds are parsed with doctypes refused, so external
 * entities and entity-expansion bombs never reach the parser. The raw document of every item is the whole
 * feed as received: that is what was fetched, and its items share one stored copy.
 */
public final class FeedReader {

    /** WordPress appends this to every item's content; it is feed furniture, not article text. */
    private static final Pattern FEED_FOOTER = Pattern.compile("^The post .+ appeared first on .+\\.?$");

    private final OutletRecognizer outlets;

    public FeedReader(OutletRecognizer outlets) {
        this.outlets = outlets;
    }

    public void read(String name, byte[] bytes, Consumer<ExtractionResult> sink) throws ExtractionException {
        SyndFeed feed = parse(name, bytes);
        String mediaType = feed.getFeedType() != null && feed.getFeedType().startsWith("atom")
                ? "application/atom+xml" : "application/rss+xml";
        RawDocument raw = new RawDocument(bytes, mediaType, feed.getEncoding(), name);
        List<SyndEntry> entries = feed.getEntries();
        if (entries.isEmpty()) {
            throw new ExtractionException(name + ": the feed has no items");
        }
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            String source = entry.getLink() != null ? entry.getLink() : name + "#item-" + (i + 1);
            try {
                sink.accept(ExtractionResult.ok(raw, item(source, feed, entry)));
            } catch (ExtractionException e) {
                sink.accept(ExtractionResult.failed(source, e.getMessage()));
            }
        }
    }

    private static SyndFeed parse(String name, byte[] bytes) throws ExtractionException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
            return input.build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            throw new ExtractionException(name + ": malformed feed (" + firstLine(e) + ")", e);
        } catch (IOException e) {
            throw new ExtractionException(name + ": cannot read the feed (" + firstLine(e) + ")", e);
        }
    }

    private ArticleDraft item(String source, SyndFeed feed, SyndEntry entry) throws ExtractionException {
        List<String> warnings = new ArrayList<>();
        List<Block> blocks = fullText(entry);
        if (blocks.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            blocks = blocks(entry.getDescription());
            if (!blocks.isEmpty()) {
                warnings.add(Warnings.PARTIAL_FEED_ITEM);
            }
        }
        if (blocks.isEmpty()) {
            throw new ExtractionException(source + ": the feed item has neither content nor summary");
        }
        String title = entry.getTitle() == null ? "" : HtmlFragment.text(entry.getTitle());
        boolean derived = title.isEmpty();
        if (derived) {
            warnings.add(Warnings.DERIVED_HEADLINE);
        }
        String url = entry.getLink();
        Optional<OutletRecognizer.Recognized> outlet = outlets.fromHost(host(url));
        if (outlet.isEmpty()) {
            outlet = outlets.fromHost(host(feed.getLink()));
        }
        if (outlet.isEmpty() && feed.getTitle() != null) {
            outlet = outlets.recognize(feed.getTitle(), null, "");
        }
        Instant published = instant(entry.getPublishedDate()).or(() -> instant(entry.getUpdatedDate())).orElse(null);
        String headline = derived ? blocks.get(0).text() : title;
        return new ArticleDraft(source, url, outlet.map(OutletRecognizer.Recognized::name).orElse(null),
                outlet.map(OutletRecognizer.Recognized::domain).orElse(null), headline, derived, null,
                author(entry), published, language(feed), blocks, warnings.isEmpty() ? 0.9 : 0.6, warnings);
    }

    private static List<Block> fullText(SyndEntry entry) {
        List<Block> blocks = new ArrayList<>();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                blocks.addAll(blocks(content));
            }
        }
        return blocks;
    }

    private static List<Block> blocks(SyndContent content) {
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        String value = content.getValue();
        boolean plainText = type.equals("text") || type.equals("text/plain");
        List<Block> blocks = plainText && !HtmlFragment.looksLikeMarkup(value) ? plain(value) : HtmlFragment.blocks(value);
        blocks.removeIf(block -> FEED_FOOTER.matcher(block.text()).matches());
        return blocks;
    }

    private static List<Block> plain(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            String normalised = paragraph.replaceAll("\\s+", " ").strip();
            if (!normalised.isEmpty()) {
                blocks.add(new Block(ParagraphKind.PARAGRAPH, normalised));
            }
        }
        return blocks;
    }

    private static String author(SyndEntry entry) {
        String author = entry.getAuthor();
        if ((author == null || author.isBlank()) && !entry.getAuthors().isEmpty()) {
            author = entry.getAuthors().get(0).getName();
        }
        return author == null || author.isBlank() ? null : HtmlFragment.text(author);
    }

    private static String language(SyndFeed feed) {
        String language = feed.getLanguage();
        if (language == null || language.isBlank()) {
            return null;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-');
        code = dash > 0 ? code.substring(0, dash) : code;
        return code.matches("[a-z]{2}") ? code : null;
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
