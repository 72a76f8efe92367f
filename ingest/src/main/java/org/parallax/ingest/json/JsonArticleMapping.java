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
 *   <tr><td>body</td><td>{@code body} / {@code text} / {@code content} (text with paragraphs separated by
 *       blank lines, or HTML, or an array of paragraphs), or {@code body-paragraphs} / {@code paragraphs}
 *       (an array of paragraphs); a paragraph that is itself an array of sentences, as in BASIL, is joined
 *       with spaces</td></tr>
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
        String paragraphsField = firstField(json, "body-paragraphs", "paragraphs");
        if (paragraphsField != null) {
            JsonNode paragraphs = json.get(paragraphsField);
            if (!paragraphs.isArray()) {
                throw new ExtractionException(source + ": '" + paragraphsField + "' is " + kind(paragraphs)
                        + ", not an array of paragraphs");
            }
            return paragraphs(source, paragraphsField, paragraphs);
        }
        String bodyField = firstField(json, "body", "text", "content");
        if (bodyField == null) {
            return List.of();
        }
        JsonNode node = json.get(bodyField);
        // Exports often hold the body as a list of paragraphs; it was read as no body at all, and the
        // article refused with "no article text" although 'body' was right there.
        if (node.isArray()) {
            return paragraphs(source, bodyField, node);
        }
        if (!node.isTextual()) {
            throw new ExtractionException(source + ": '" + bodyField + "' is " + kind(node)
                    + "; expected text or an array of paragraphs");
        }
        String body = node.asText().strip();
        if (body.isEmpty()) {
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

    /**
     * An array of paragraphs, each text or (as in BASIL) an array of sentences joined with spaces. Any other
     * item is refused by name rather than dropped, since it may hold text this mapping does not read.
     */
    private static List<Block> paragraphs(String source, String field, JsonNode paragraphs) throws ExtractionException {
        List<Block> blocks = new ArrayList<>();
        int index = 0;
        for (JsonNode paragraph : paragraphs) {
            String text;
            if (paragraph.isTextual()) {
                text = paragraph.asText();
            } else if (paragraph.isArray()) {
                text = joined(paragraph);
            } else if (paragraph.isNull()) {
                text = "";
            } else {
                throw new ExtractionException(source + ": '" + field + "' item " + index + " is " + kind(paragraph)
                        + "; expected text");
            }
            String normalised = text.replaceAll("\\s+", " ").strip();
            if (!normalised.isEmpty()) {
                blocks.add(new Block(ParagraphKind.PARAGRAPH, normalised));
            }
            index++;
        }
        return blocks;
    }

    /** The JSON type of a node as a message names it. */
    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> "text";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String firstField(JsonNode json, String... fields) {
        for (String field : fields) {
            JsonNode node = json.get(field);
            if (node != null && !node.isNull()) {
                return field;
            }
        }
        return null;
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
