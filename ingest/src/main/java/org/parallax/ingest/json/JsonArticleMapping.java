package org.parallax.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.Warnings;
import org.parallax.ingest.text.Dates;
import org.parallax.ingest.text.HtmlFragment;
import org.parallax.ingest.text.OutletRecognizer;

/**
 * Maps one JSON article object to a draft. The field mapping, first field present wins:
 *
 * <table>
 *   <caption>JSON fields read</caption>
 *   <tr><th>article</th><th>JSON fields</th></tr>
 *   <tr><td>headline</td><td>{@code title}, {@code headline}</td></tr>
 *   <tr><td>dek</td><td>{@code dek}, {@code description}, {@code subtitle}</td></tr>
 *   <tr><td>published</td><td>{@code date}, {@code datePublished}, {@code publishedAt}, {@code published}
 *       (ISO-8601 date or date-time, or RFC 1123)</td></tr>
 *   <tr><td>outlet</td><td>the {@code url}'s domain if it is a known outlet's, else {@code source},
 *       {@code outlet}, {@code publisher} (a name, a known alias such as "nyt", or an object with {@code name})</td></tr>
 *   <tr><td>url</td><td>{@code url}, {@code link}</td></tr>
 *   <tr><td>byline</td><td>{@code author}, {@code byline}, {@code authors} (a string, an array of strings, or
 *       objects with {@code name})</td></tr>
 *   <tr><td>body</td><td>{@code body} (text with paragraphs separated by blank lines, or HTML), or
 *       {@code body-paragraphs} / {@code paragraphs} (an array of paragraphs; a paragraph that is itself an
 *       array of sentences, as in BASIL, is joined with spaces)</td></tr>
 *   <tr><td>language</td><td>{@code language}, {@code lang} (ISO 639-1; detection checks it)</td></tr>
 * </table>
 *
 * Other fields are kept only in the raw document.
 */
public final class JsonArticleMapping {

    private final OutletRecognizer outlets;

    public JsonArticleMapping(OutletRecognizer outlets) {
        this.outlets = outlets;
    }

    public ArticleDraft map(String source, JsonNode json) throws ExtractionException {
        if (!json.isObject()) {
            throw new ExtractionException(source + ": not a JSON object");
        }
        List<Block> blocks = body(source, json);
        if (blocks.isEmpty()) {
            throw new ExtractionException(source + ": no article text (expected 'body' or 'body-paragraphs')");
        }
        List<String> warnings = new ArrayList<>();
        String headline = text(json, "title", "headline");
        boolean derived = headline == null;
        if (derived) {
            headline = blocks.get(0).text();
            warnings.add(Warnings.DERIVED_HEADLINE);
        }
        String url = text(json, "url", "link");
        String published = text(json, "date", "datePublished", "publishedAt", "published");
        Instant publishedAt = Dates.parse(published).orElse(null);
        if (published != null && publishedAt == null) {
            warnings.add("unreadable date \"" + published + "\": publication date left empty");
        }
        Optional<OutletRecognizer.Recognized> outlet = outlets.fromHost(host(url));
        String stated = name(json, "source", "outlet", "publisher");
        if (outlet.isEmpty() && stated != null) {
            outlet = outlets.fromName(stated);
        }
        String outletName = outlet.map(OutletRecognizer.Recognized::name).orElse(stated);
        if (outlet.isEmpty() && stated != null) {
            warnings.add(Warnings.statedOutlet(stated));
        }
        return new ArticleDraft(source, url, outletName, outlet.map(OutletRecognizer.Recognized::domain).orElse(null),
                headline, derived, text(json, "dek", "description", "subtitle"), byline(json), publishedAt,
                text(json, "language", "lang"), blocks, 0.9, warnings);
    }

    private static List<Block> body(String source, JsonNode json) throws ExtractionException {
        JsonNode paragraphs = first(json, "body-paragraphs", "paragraphs");
        if (paragraphs != null) {
            if (!paragraphs.isArray()) {
                throw new ExtractionException(source + ": 'body-paragraphs' is not an array");
            }
            List<Block> blocks = new ArrayList<>();
            for (JsonNode paragraph : paragraphs) {
                String text = paragraph.isArray() ? joined(paragraph) : paragraph.isTextual() ? paragraph.asText() : "";
                String normalised = text.replaceAll("\\s+", " ").strip();
                if (!normalised.isEmpty()) {
                    blocks.add(new Block(ParagraphKind.PARAGRAPH, normalised));
                }
            }
            return blocks;
        }
        String body = text(json, "body", "text", "content");
        if (body == null) {
            return List.of();
        }
        if (HtmlFragment.looksLikeMarkup(body)) {
            return HtmlFragment.blocks(body);
        }
        List<Block> blocks = new ArrayList<>();
        String separator = body.contains("\n\n") || body.contains("\r\n\r\n") ? "\\R\\s*\\R" : "\\R";
        for (String paragraph : body.split(separator)) {
            String normalised = paragraph.replaceAll("\\s+", " ").strip();
            if (!normalised.isEmpty()) {
                blocks.add(new Block(ParagraphKind.PARAGRAPH, normalised));
            }
        }
        return blocks;
    }

    private static String joined(JsonNode sentences) {
        List<String> parts = new ArrayList<>();
        sentences.forEach(sentence -> {
            if (sentence.isTextual() && !sentence.asText().isBlank()) {
                parts.add(sentence.asText().strip());
            }
        });
        return String.join(" ", parts);
    }

    private static String byline(JsonNode json) {
        JsonNode author = first(json, "author", "byline", "authors");
        if (author == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (author.isArray()) {
            author.forEach(a -> addName(names, a));
        } else {
            addName(names, author);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static void addName(List<String> names, JsonNode author) {
        String name = author.isTextual() ? author.asText() : author.path("name").asText("");
        if (!name.isBlank()) {
            names.add(name.strip());
        }
    }

    private static String name(JsonNode json, String... fields) {
        JsonNode node = first(json, fields);
        if (node == null) {
            return null;
        }
        String name = node.isTextual() ? node.asText() : node.path("name").asText("");
        return name.isBlank() ? null : name.strip();
    }

    private static String text(JsonNode json, String... fields) {
        JsonNode node = first(json, fields);
        if (node == null || !node.isValueNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static JsonNode first(JsonNode json, String... fields) {
        for (String field : fields) {
            JsonNode node = json.get(field);
            if (node != null && !node.isNull()) {
                return node;
            }
        }
        return null;
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
}
