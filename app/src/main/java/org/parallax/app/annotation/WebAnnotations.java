package org.parallax.app.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.annotation.AnnotationData;
import org.parallax.core.annotation.TextQuote;

/**
 * Annotations in the W3C Web Annotation data model, serialised as JSON-LD: out for the API and the export,
 * in for creation and import. Reading is lenient about shapes real tools produce (a single body or target
 * instead of an array, Hypothesis's {@code text}/{@code tags}/{@code uri}); writing is one fixed shape.
 */
public final class WebAnnotations {

    public static final String MEDIA_TYPE = "application/ld+json";
    public static final String PROFILE_TYPE = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    public static final String W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    /** Parallax's own terms, so a JSON-LD processor keeps them instead of dropping unknown keys. */
    private static final Map<String, Object> PARALLAX_TERMS = Map.of(
            "px", "urn:parallax:",
            "visibility", "px:visibility",
            "anchorState", "px:anchorState",
            "anchorNote", "px:anchorNote",
            "version", "px:version",
            "deleted", "px:deleted",
            "story", "px:story");

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern ARTICLE_IRI = Pattern.compile("/articles/(\\d+)(?:[/?#].*)?$");

    private WebAnnotations() {
    }

    public static List<Object> context() {
        return List.of(W3C_CONTEXT, PARALLAX_TERMS);
    }

    public static String iri(String base, long id) {
        return base + "api/annotations/" + id;
    }

    public static String articleIri(String base, long articleId) {
        return base + "articles/" + articleId;
    }

    /** One annotation as a JSON-LD object; {@code withContext} false inside a collection. */
    public static Map<String, Object> toJson(String base, AnnotationData a, boolean withContext) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (withContext) {
            json.put("@context", context());
        }
        json.put("id", iri(base, a.id()));
        json.put("type", "Annotation");
        json.put("motivation", a.isReply() ? "replying" : a.note() == null ? "highlighting" : "commenting");
        json.put("creator", Map.of("type", "Person", "nickname", a.author()));
        json.put("created", a.created().toString());
        json.put("modified", a.updated().toString());
        List<Object> bodies = new ArrayList<>();
        if (a.note() != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "TextualBody");
            body.put("purpose", a.isReply() ? "replying" : "commenting");
            body.put("format", "text/markdown");
            body.put("value", a.note());
            bodies.add(body);
        }
        for (String tag : a.tags()) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "tagging", "value", tag));
        }
        if (!bodies.isEmpty()) {
            json.put("body", bodies);
        }
        if (a.isReply()) {
            json.put("target", iri(base, a.parentId()));
        } else {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("source", articleIri(base, a.articleId()));
            TextQuote q = a.quote();
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("type", "TextQuoteSelector");
            quote.put("exact", q.exact());
            quote.put("prefix", q.prefix());
            quote.put("suffix", q.suffix());
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("type", "TextPositionSelector");
            position.put("start", q.start());
            position.put("end", q.end());
            target.put("selector", List.of(quote, position));
            json.put("target", target);
        }
        json.put("visibility", a.visibility());
        json.put("anchorState", a.anchorState());
        if (a.anchorNote() != null) {
            json.put("anchorNote", a.anchorNote());
        }
        if (a.storyId() != null) {
            json.put("story", Map.of("id", base + "stories/" + a.storyId(), "title", a.storyTitle()));
        }
        json.put("version", a.version());
        if (a.deleted() != null) {
            json.put("deleted", a.deleted().toString());
        }
        return json;
    }

    public static Map<String, Object> collection(String base, String id, String label, List<AnnotationData> items) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", context());
        json.put("id", id);
        json.put("type", "AnnotationCollection");
        json.put("label", label);
        json.put("total", items.size());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id + (id.contains("?") ? "&" : "?") + "page=0");
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        page.put("items", items.stream().map(a -> toJson(base, a, false)).toList());
        json.put("first", page);
        return json;
    }

    public static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an incoming annotation asks for, before it is matched to an article. */
    public record Incoming(String source, TextQuote quote, String note, List<String> tags, String visibility,
                           String parentIri, Integer version) {
    }

    /** Reads one annotation object. Throws {@link IllegalArgumentException} with a readable reason. */
    public static Incoming read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an annotation is a JSON object");
        }
        String note = null;
        List<String> tags = new ArrayList<>();
        for (JsonNode body : each(json.get("body"))) {
            if (body.isTextual()) {
                continue; // a body IRI: nothing Parallax can store
            }
            String purpose = text(body, "purpose");
            String value = text(body, "value");
            if (value == null) {
                continue;
            }
            if ("tagging".equals(purpose)) {
                tags.add(value);
            } else if (note == null) {
                note = value;
            }
        }
        if (note == null && json.hasNonNull("text")) { // Hypothesis
            note = json.get("text").asText();
        }
        for (JsonNode tag : each(json.get("tags"))) { // Hypothesis
            tags.add(tag.asText());
        }
        JsonNode target = first(json.get("target"));
        String visibility = text(json, "visibility");
        Integer version = json.hasNonNull("version") && json.get("version").canConvertToInt()
                ? json.get("version").asInt() : null;
        if (target != null && target.isTextual()) {
            return new Incoming(null, null, note, tags, visibility, target.asText(), version);
        }
        String source = target == null ? null : text(target, "source");
        if (source == null) {
            source = text(json, "uri"); // Hypothesis
        }
        String exact = null;
        String prefix = "";
        String suffix = "";
        Integer start = null;
        Integer end = null;
        if (target != null) {
            for (JsonNode selector : each(target.get("selector"))) {
                String type = text(selector, "type");
                if ("TextQuoteSelector".equals(type)) {
                    exact = text(selector, "exact");
                    prefix = text(selector, "prefix");
                    suffix = text(selector, "suffix");
                } else if ("TextPositionSelector".equals(type) && selector.has("start") && selector.has("end")) {
                    start = selector.get("start").asInt();
                    end = selector.get("end").asInt();
                }
            }
        }
        if (exact == null || exact.isEmpty()) {
            throw new IllegalArgumentException("the target has no TextQuoteSelector with the quoted text");
        }
        if (start == null || end == null || start < 0 || end < start) {
            start = 0;
            end = 0;
        }
        return new Incoming(source, new TextQuote(exact, prefix, suffix, start, end), note, tags, visibility, null,
                version);
    }

    /** The annotations in a collection, a page, an array, a Hypothesis search result or a single annotation. */
    public static List<JsonNode> items(JsonNode json) {
        List<JsonNode> items = new ArrayList<>();
        if (json == null) {
            return items;
        }
        if (json.isArray()) {
            json.forEach(items::add);
        } else if (json.has("first") && json.get("first").has("items")) {
            json.get("first").get("items").forEach(items::add);
        } else if (json.has("items")) {
            json.get("items").forEach(items::add);
        } else if (json.has("rows")) {
            json.get("rows").forEach(items::add);
        } else {
            items.add(json);
        }
        return items;
    }

    /** The article id in a Parallax article IRI (any host: exports from another Parallax match too). */
    public static Long articleIdOf(String iri) {
        if (iri == null) {
            return null;
        }
        Matcher m = ARTICLE_IRI.matcher(iri);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    /** The annotation id in a Parallax annotation IRI. */
    public static Long annotationIdOf(String iri) {
        if (iri == null) {
            return null;
        }
        Matcher m = Pattern.compile("/api/annotations/(\\d+)$").matcher(iri);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static List<JsonNode> each(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    private static JsonNode first(JsonNode node) {
        List<JsonNode> all = each(node);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
